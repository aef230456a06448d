using System.Globalization;
using System.Text.Json;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// Reads v2 message members. Amounts are decimals parsed from the JSON number's text (<see cref="JsonElement.GetDecimal"/>
/// reads the UTF-8 digits; never a double), or from a numeric string (Kraken's SDK: "docs say decimal-strings; live wire
/// often uses JSON numbers"). A required member that is missing or of the wrong kind throws <see cref="FormatException"/>,
/// which the receive loop counts as a malformed message.
/// </summary>
internal static class WireRead
{
    public static string Text(JsonElement item, string name) =>
        OptionalText(item, name) ?? throw new FormatException($"'{name}' is missing");

    public static string? OptionalText(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static decimal Decimal(JsonElement item, string name) =>
        OptionalDecimal(item, name) ?? throw new FormatException($"'{name}' is missing");

    public static decimal? OptionalDecimal(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDecimal(),
            JsonValueKind.String => decimal.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.Null => null,
            _ => throw new FormatException($"'{name}' is not a number"),
        };
    }

    public static long Integer(JsonElement item, string name) =>
        OptionalInteger(item, name) ?? throw new FormatException($"'{name}' is missing");

    public static long? OptionalInteger(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    public static bool? OptionalBool(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public static DateTimeOffset? OptionalTime(JsonElement item, string name) =>
        OptionalText(item, name) is { Length: > 1 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    public static IReadOnlyList<JsonElement> Array(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    /// <summary>A message's <c>data</c> as items: the array's elements, or the object itself.</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement data) => data.ValueKind switch
    {
        JsonValueKind.Array => [.. data.EnumerateArray()],
        JsonValueKind.Object => [data],
        _ => [],
    };
}
