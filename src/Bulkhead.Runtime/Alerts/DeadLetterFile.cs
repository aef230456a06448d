using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bulkhead.Runtime.Alerts;

/// <summary>
/// The dead-letter file: one JSON line per alert a webhook did not take after all its retries (or that could not be sent
/// at all), with the webhook's name (never its URL, which may be a secret), the attempts, the last error and the body
/// that was to be sent. Appended under a lock, created 0600; nothing is lost when a webhook is down.
/// </summary>
public sealed class DeadLetterFile
{
    private readonly Lock _gate = new();

    /// <summary>Appends to <paramref name="path"/> (created when first written).</summary>
    public DeadLetterFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Lines written since the supervisor started.</summary>
    public int Written { get; private set; }

    /// <summary>Appends one undelivered alert.</summary>
    public void Write(DateTimeOffset time, string webhook, AlertNotification notification, int attempts, string error, string body)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("webhook", webhook);
            json.WriteString("id", notification.Id);
            json.WriteString("status", notification.Status == AlertStatus.Firing ? "firing" : "resolved");
            json.WriteString("alert", notification.Rule);
            json.WriteNumber("attempts", attempts);
            json.WriteString("error", error);
            json.WriteString("body", body);
            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        lock (_gate)
        {
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new FileStream(Path, options);
            var bytes = Encoding.UTF8.GetBytes(line);
            file.Write(bytes);
            file.Flush(flushToDisk: true);
            Written++;
        }
    }
}
