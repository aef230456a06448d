using System.Globalization;
using System.Text.Json;

namespace Bulkhead.Runtime.Supervisor.Internal;

/// <summary>One parsed Contract W status line: its event and the fields the supervisor uses.</summary>
internal sealed record StatusLine(string Event, DateTimeOffset? Time, JsonElement Root)
{
    /// <summary>Parses one stdout line; null when it is not a JSON object with an <c>event</c> (ignored, never fatal).</summary>
    public static StatusLine? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var clone = root.Clone();
            return new StatusLine(e.GetString()!, TimeOf(clone, "time"), clone);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string? Text(string name) =>
        Root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;

    public long? Integer(string name) =>
        long.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public decimal? Decimal(string name) =>
        decimal.TryParse(Text(name), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) ? value : null;

    public DateTimeOffset? TimeField(string name) => TimeOf(Root, name);

    public WorkerHeartbeat Heartbeat() =>
        new(Time, Integer("orders"), Integer("fills"), Integer("openOrders"), TimeField("lastNonceAt"), Text("guard"), Decimal("pnlUsd"), Decimal("equityUsd"), Decimal("position"))
        {
            DrawdownUsd = Decimal("drawdownUsd"),
            Socket = Text("socket") is { Length: > 0 } state
                ? new WorkerSocket(state, Text("socketVenue"), (Text("socketSubscriptions") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                    Integer("socketLastMessageMs"), Integer("socketReconnects") ?? 0, Integer("socketBookResyncs") ?? 0)
                : null,
        };

    /// <summary>The heartbeat's <c>calls</c> and <c>errors</c> (by code); null when it reports none.</summary>
    public CallCounts? Calls()
    {
        if (Integer("calls") is not { } calls)
        {
            return null;
        }

        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (Root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in e.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Number && entry.Value.TryGetInt64(out var count))
                {
                    errors[entry.Name] = count;
                }
            }
        }

        return new CallCounts(calls, errors);
    }

    private static DateTimeOffset? TimeOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String &&
        DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
}
