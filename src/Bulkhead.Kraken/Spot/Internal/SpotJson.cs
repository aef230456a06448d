using System.Globalization;
using System.Text.Json;

namespace Bulkhead.Kraken.Spot.Internal;

/// <summary>
/// Reading Kraken's JSON: money arrives as strings (<c>"37500.0"</c>), sometimes as numbers (fee schedules), times as Unix
/// seconds with fractions. Every failure is a <see cref="FormatException"/> naming the field, which the client turns
/// into a protocol error value.
/// </summary>
internal static class SpotJson
{
    private const NumberStyles MoneyStyle = NumberStyles.Float;

    public static JsonElement Field(JsonElement obj, string name)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        throw new FormatException($"field '{name}' is missing");
    }

    public static bool TryField(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static decimal Money(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when decimal.TryParse(value.GetString(), MoneyStyle, CultureInfo.InvariantCulture, out var d) => d,
        JsonValueKind.Number when decimal.TryParse(value.GetRawText(), MoneyStyle, CultureInfo.InvariantCulture, out var d) => d,
        _ => throw new FormatException($"'{Excerpt(value)}' is not a decimal number"),
    };

    public static decimal Money(JsonElement obj, string name)
    {
        try
        {
            return Money(Field(obj, name));
        }
        catch (FormatException ex) when (!ex.Message.StartsWith("field", StringComparison.Ordinal))
        {
            throw new FormatException($"field '{name}': {ex.Message}", ex);
        }
    }

    public static decimal? OptionalMoney(JsonElement obj, string name) =>
        TryField(obj, name, out var value) && !(value.ValueKind == JsonValueKind.String && value.GetString() is { Length: 0 }) ? Money(obj, name) : null;

    public static string Text(JsonElement obj, string name)
    {
        var value = Field(obj, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"field '{name}' is not a string");
    }

    public static string? OptionalText(JsonElement obj, string name) =>
        TryField(obj, name, out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null;

    public static long Integer(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new FormatException($"'{Excerpt(value)}' is not an integer"),
    };

    public static long Integer(JsonElement obj, string name) => Integer(Field(obj, name));

    public static long? OptionalInteger(JsonElement obj, string name) => TryField(obj, name, out var value) ? Integer(value) : null;

    /// <summary>Unix seconds, possibly with a fraction, as a JSON number or string.</summary>
    public static DateTimeOffset Time(JsonElement value)
    {
        var seconds = Money(value);
        var ticks = decimal.Round(seconds * TimeSpan.TicksPerSecond, 0, MidpointRounding.ToZero);
        return DateTimeOffset.UnixEpoch.AddTicks((long)ticks);
    }

    public static DateTimeOffset Time(JsonElement obj, string name) => Time(Field(obj, name));

    /// <summary>A Unix time where Kraken writes 0 for "none".</summary>
    public static DateTimeOffset? OptionalTime(JsonElement obj, string name) =>
        TryField(obj, name, out var value) && Money(value) != 0 ? Time(value) : null;

    public static DateTimeOffset IsoTime(JsonElement obj, string name) =>
        DateTimeOffset.TryParse(Text(obj, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new FormatException($"field '{name}' is not an ISO 8601 time");

    public static JsonElement Item(JsonElement array, int index) =>
        array.ValueKind == JsonValueKind.Array && array.GetArrayLength() > index
            ? array[index]
            : throw new FormatException($"expected an array with at least {index + 1} items, got '{Excerpt(array)}'");

    public static IEnumerable<JsonProperty> Entries(JsonElement obj) =>
        obj.ValueKind == JsonValueKind.Object ? obj.EnumerateObject() : throw new FormatException($"expected an object, got '{Excerpt(obj)}'");

    public static IEnumerable<JsonElement> Items(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : throw new FormatException($"expected an array, got '{Excerpt(array)}'");

    /// <summary>The single entry of a result keyed by pair (Ticker, Depth, Trades, OHLC), ignoring <c>last</c>.</summary>
    public static JsonProperty PairEntry(JsonElement result) =>
        Entries(result).FirstOrDefault(p => !string.Equals(p.Name, "last", StringComparison.Ordinal)) is { Value.ValueKind: not JsonValueKind.Undefined } entry
            ? entry
            : throw new FormatException("the result names no pair");

    /// <summary>A decimal as Kraken's clients send it: invariant culture, no exponent, no trailing zeros.</summary>
    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string UnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Excerpt(JsonElement value)
    {
        var raw = value.ValueKind == JsonValueKind.Undefined ? "nothing" : value.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
