using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bulkhead.Runtime.Worker;

/// <summary>
/// Writes the worker's status lines (Contract W): one JSON object per line on stdout, flushed at once,
/// <c>{"time":…,"process":…,"event":…, …fields}</c>. Decimals are written as JSON strings, times as ISO 8601 with
/// milliseconds and offset. Never given a secret. Thread-safe.
/// </summary>
public sealed class StatusWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter _output;
    private readonly string _process;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>Creates a writer for <paramref name="process"/>'s lines on <paramref name="output"/>.</summary>
    public StatusWriter(TextWriter output, string process, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(time);
        _output = output;
        _process = process;
        _time = time;
    }

    /// <summary>The time format of every line: <c>2026-11-26T19:00:00.000+00:00</c>.</summary>
    public static string FormatTime(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>Writes one line: the event and its fields (string, number, bool, decimal as a string, time, counts by name as an object, or null).</summary>
    public void Write(string eventName, params (string Name, object? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentNullException.ThrowIfNull(fields);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("time", FormatTime(_time.GetUtcNow()));
            json.WriteString("process", _process);
            json.WriteString("event", eventName);
            foreach (var (name, value) in fields)
            {
                WriteField(json, name, value);
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    private static void WriteField(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case string s:
                json.WriteString(name, s);
                break;
            case decimal d:
                json.WriteString(name, d.ToString(CultureInfo.InvariantCulture));
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case int i:
                json.WriteNumber(name, i);
                break;
            case long l:
                json.WriteNumber(name, l);
                break;
            case DateTimeOffset t:
                json.WriteString(name, FormatTime(t));
                break;
            case IReadOnlyDictionary<string, long> counts:
                json.WriteStartObject(name);
                foreach (var (key, count) in counts)
                {
                    json.WriteNumber(key, count);
                }

                json.WriteEndObject();
                break;
            default:
                json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
