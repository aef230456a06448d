using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Runtime.Alerts;

/// <summary>
/// What a webhook receives: the generic JSON document (every field; decimals as strings, times ISO 8601) or the
/// Slack-compatible preset (<c>{"text": "…"}</c>, one line a person reads).
/// </summary>
public static class AlertBodies
{
    /// <summary>The body of <paramref name="notification"/> in <paramref name="format"/>.</summary>
    public static string Write(AlertNotification notification, AlertWebhookFormat format, string fleet, string environment)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (format == AlertWebhookFormat.Slack)
            {
                json.WriteString("text", Text(notification, fleet, environment));
            }
            else
            {
                Generic(json, notification, fleet, environment);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The one line a person reads (the Slack preset's text).</summary>
    public static string Text(AlertNotification n, string fleet, string environment)
    {
        ArgumentNullException.ThrowIfNull(n);
        var head = n.Status == AlertStatus.Firing
            ? $"{(n.Severity == AlertSeverity.Critical ? ":rotating_light:" : ":warning:")} [{Name(n.Severity)}] {n.Rule} firing"
            : $":white_check_mark: [{Name(n.Severity)}] {n.Rule} resolved";
        var value = n.Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "gone";
        var summary = n.Summary is null ? string.Empty : $" — {n.Summary}";
        return $"{head}{summary}: {n.Series} = {value} ({n.Condition} for {Duration(n.For)}) · fleet {fleet}/{environment} · since {Time(n.Since)}";
    }

    private static void Generic(Utf8JsonWriter json, AlertNotification n, string fleet, string environment)
    {
        json.WriteString("version", "1");
        json.WriteString("id", n.Id);
        json.WriteString("status", n.Status == AlertStatus.Firing ? "firing" : "resolved");
        json.WriteString("alert", n.Rule);
        json.WriteString("severity", Name(n.Severity));
        json.WriteString("summary", n.Summary);
        json.WriteString("metric", n.Metric);
        json.WriteStartObject("labels");
        foreach (var (name, value) in n.Labels)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
        json.WriteString("value", n.Value?.ToString(CultureInfo.InvariantCulture));
        json.WriteString("condition", n.Condition);
        json.WriteString("for", Duration(n.For));
        json.WriteString("since", Time(n.Since));
        json.WriteString("time", Time(n.Time));
        json.WriteString("fleet", fleet);
        json.WriteString("environment", environment);
    }

    private static string Name(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan duration) =>
        duration.TotalSeconds % 60 == 0 && duration > TimeSpan.Zero ? $"{duration.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)}m" : $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
}
