using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulkhead.Fleet.Journal.Internal;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Journal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Fleet.Journal;

/// <summary>
/// The call journal as JSON lines: one file per UTC day and per process, <c>calls-YYYY-MM-DD.PROCESS.PID.jsonl</c> in one
/// folder, so processes never share a file and need no lock. Each line is written and flushed whole; a process killed
/// mid-write leaves at most one torn last line, which readers skip. Thread-safe; never throws from <see cref="Record"/>.
/// Each line is a <see cref="Audit.CallRecord"/> (what <c>bulkhead audit --usage</c> reads) plus <c>pid</c>, <c>origin</c>
/// (on errors: <c>exchange</c>, <c>local</c> or <c>transport</c>) and <c>durationMs</c>.
/// </summary>
public sealed class CallJournalWriter : ICallJournal, IDisposable
{
    /// <summary>The file name prefix readers glob (<c>calls-*.jsonl</c>).</summary>
    public const string FilePrefix = "calls-";

    /// <summary>The file name extension.</summary>
    public const string FileExtension = ".jsonl";

    // Relaxed escaping keeps "+00:00" and error codes readable; the lines are never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _folder;
    private readonly string _process;
    private readonly string _host;
    private readonly int _pid;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private StreamWriter? _writer;
    private DateOnly _day;
    private long _failures;

    /// <summary>Creates a writer.</summary>
    /// <param name="folder">The journal folder (created if missing).</param>
    /// <param name="process">This process's manifest name.</param>
    /// <param name="host">The host name recorded on each line (default: <see cref="Environment.MachineName"/>).</param>
    /// <param name="pid">The process id recorded on each line (default: this process's).</param>
    /// <param name="logger">Where write failures are reported.</param>
    public CallJournalWriter(string folder, string process, string? host = null, int? pid = null, ILogger<CallJournalWriter>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(process);
        _folder = Path.GetFullPath(folder);
        _process = process;
        _host = host ?? Environment.MachineName;
        _pid = pid ?? Environment.ProcessId;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Lines that could not be written (disk full, permissions); each is also logged once.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>The file a record at <paramref name="time"/> goes to.</summary>
    public string FileFor(DateTimeOffset time) => Path.Combine(
        _folder,
        string.Create(CultureInfo.InvariantCulture, $"{FilePrefix}{DateOnly.FromDateTime(time.UtcDateTime):yyyy-MM-dd}.{Safe(_process)}.{_pid}{FileExtension}"));

    /// <inheritdoc />
    public void Record(KrakenCallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = Format(record);
        lock (_gate)
        {
            try
            {
                var day = DateOnly.FromDateTime(record.Time.UtcDateTime);
                if (_writer is null || day != _day)
                {
                    _writer?.Dispose();
                    _writer = null;
                    Directory.CreateDirectory(_folder);
                    var stream = new FileStream(FileFor(record.Time), FileMode.Append, FileAccess.Write, FileShare.Read);
                    _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = false };
                    _day = day;
                }

                _writer.Write(line);
                _writer.Flush();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Interlocked.Increment(ref _failures);
                JournalLog.WriteFailed(_logger, _folder, e.Message);
                _writer?.Dispose();
                _writer = null;
            }
        }
    }

    /// <summary>Closes the current file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"CallJournalWriter({_folder}, {_process})";

    /// <summary>One record as one JSON line (with its newline).</summary>
    internal string Format(KrakenCallRecord record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", record.Time.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("venue", record.Venue);
            json.WriteString("endpoint", record.Endpoint);
            json.WriteString("key", record.KeyName);
            json.WriteString("process", _process);
            json.WriteString("host", _host);
            json.WriteNumber("pid", _pid);
            json.WriteString("outcome", record.ErrorCode ?? "ok");
            json.WriteString("origin", record.ErrorOrigin switch
            {
                null => null,
                KrakenErrorOrigin.Exchange => "exchange",
                KrakenErrorOrigin.Local => "local",
                _ => "transport",
            });
            json.WriteNumber("durationMs", Math.Round(record.Duration.TotalMilliseconds, 3));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    private static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
