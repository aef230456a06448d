using System.Collections.Immutable;
using System.Text.Json;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Audit;

/// <summary>Reads the call journal: every <c>*.jsonl</c> file of a folder (and its subfolders), one <see cref="CallRecord"/> per line.</summary>
public static class CallJournal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The records of <paramref name="directory"/>, and a finding for each line that could not be read. With
    /// <paramref name="from"/>, files the writer dated before that day (<c>calls-YYYY-MM-DD.…</c>) are not read at all.
    /// </summary>
    public static (ImmutableArray<CallRecord> Records, ImmutableArray<Finding> Problems) Read(string directory, DateOnly? from = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var records = ImmutableArray.CreateBuilder<CallRecord>();
        var problems = ImmutableArray.CreateBuilder<Finding>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new Finding(FindingSeverity.Error, FindingCodes.JournalUnreadable, "journal", SourceLocation.None(directory),
                "the journal folder does not exist", "pass the folder the processes write their call journal to"));
            return (records.ToImmutable(), problems.ToImmutable());
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (from is { } day && DayOf(file) is { } written && written < day)
            {
                continue;
            }

            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                CallRecord? record = null;
                try
                {
                    record = JsonSerializer.Deserialize<CallRecord>(text, Json);
                }
                catch (JsonException)
                {
                }

                if (record is { Endpoint: not null, Process: not null, Host: not null, Venue: not null })
                {
                    // A call with an unnamed key (Key null) cannot be attributed to a manifest key: skipped.
                    if (record.Key is not null)
                    {
                        records.Add(record);
                    }
                }
                else
                {
                    // Info, not warning: a process killed mid-write leaves a torn last line, which must not fail the audit.
                    problems.Add(new Finding(FindingSeverity.Info, FindingCodes.JournalUnreadable, "journal", new SourceLocation(file, line, 1),
                        "this line is not a call record (skipped)", "each line must be a JSON object with time, venue, endpoint, key, process, host and outcome"));
                }
            }
        }

        return (records.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>The day in a journal file's name (<c>calls-2026-12-08.mm-trader.4242.jsonl</c>), or null for another name.</summary>
    private static DateOnly? DayOf(string file)
    {
        var name = Path.GetFileName(file);
        const string prefix = Journal.CallJournalWriter.FilePrefix;
        return name.StartsWith(prefix, StringComparison.Ordinal) && name.Length >= prefix.Length + 10
            && DateOnly.TryParseExact(name.AsSpan(prefix.Length, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;
    }
}
