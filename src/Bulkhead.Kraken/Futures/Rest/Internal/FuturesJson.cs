using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Futures.Rest.Internal;

/// <summary>Reads Futures payloads into wire records. Numbers may arrive as JSON numbers or decimal strings; both become <see cref="decimal"/>, never <see cref="double"/>.</summary>
internal static class FuturesJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        PropertyNameCaseInsensitive = false,
    };

    /// <summary>Deserialises the property <paramref name="name"/> of <paramref name="root"/>; a missing or malformed one is a protocol error.</summary>
    public static KrakenResult<T> Read<T>(JsonElement root, string name)
        where T : notnull
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return KrakenErrors.BadResponse($"the answer has no '{name}'");
        }

        return Convert<T>(element, name);
    }

    /// <summary>Deserialises one element; a malformed one is a protocol error naming <paramref name="what"/>.</summary>
    public static KrakenResult<T> Convert<T>(JsonElement element, string what)
        where T : notnull
    {
        try
        {
            var value = element.Deserialize<T>(Options);
            return value is null ? KrakenErrors.BadResponse($"'{what}' is null") : KrakenResult<T>.Ok(value);
        }
        catch (JsonException ex)
        {
            return KrakenErrors.BadResponse($"'{what}' does not have the expected shape at {ex.Path}: {ex.Message}");
        }
        catch (FormatException ex)
        {
            return KrakenErrors.BadResponse($"'{what}' has a malformed value: {ex.Message}");
        }
    }

    /// <summary>A decimal from a JSON number or a decimal string (invariant culture).</summary>
    public static bool TryDecimal(JsonElement element, out decimal value)
    {
        value = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDecimal(out value),
            JsonValueKind.String => decimal.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    /// <summary>A timestamp from an ISO-8601 string; null for anything else (Kraken writes <c>"0"</c> for "never").</summary>
    public static DateTimeOffset? Timestamp(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
        && element.GetString()!.Contains('T', StringComparison.Ordinal)
            ? time
            : null;

    /// <summary>Formats a decimal for the wire: invariant culture, no exponent, no trailing zeros.</summary>
    public static string Format(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
