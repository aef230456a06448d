using System.Globalization;
using System.Text.Json;

namespace Bulkhead.Fleet.Journal;

/// <summary>
/// Reads every <c>calls-*.jsonl</c> file of a journal folder (all processes, all days). Unknown fields are ignored;
/// malformed lines (a torn last line of a killed process) are skipped and counted.
/// </summary>
public static class CallJournalReader
{
    /// <summary>Reads the entries whose time is within [<paramref name="from"/>, <paramref name="to"/>), ordered by time.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static CallJournalReadResult Read(string folder, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the call journal folder {folder} does not exist");
        }

        var entries = new List<CallJournalEntry>();
        var malformed = 0;
        var files = Directory.GetFiles(folder, CallJournalWriter.FilePrefix + "*" + CallJournalWriter.FileExtension).Order(StringComparer.Ordinal).ToArray();
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (TryParse(line) is not { } entry)
                {
                    malformed++;
                    continue;
                }

                if ((from is null || entry.Time >= from) && (to is null || entry.Time < to))
                {
                    entries.Add(entry);
                }
            }
        }

        return new CallJournalReadResult([.. entries.OrderBy(e => e.Time)], malformed, [.. files]);
    }

    /// <summary>Parses one line; null when it is not a complete journal record.</summary>
    public static CallJournalEntry? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || Text(root, "time") is not { } timeText
                || !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
                || Text(root, "venue") is not { } venue
                || Text(root, "endpoint") is not { } endpoint
                || Text(root, "process") is not { } process
                || Text(root, "host") is not { } host
                || Text(root, "outcome") is not { } outcome)
            {
                return null;
            }

            var pid = root.TryGetProperty("pid", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) ? n : 0;
            var duration = root.TryGetProperty("durationMs", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : 0;
            return new CallJournalEntry(time, venue, endpoint, Text(root, "key"), process, host, pid, outcome == "ok", Text(root, "code"), Text(root, "origin"), duration);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
