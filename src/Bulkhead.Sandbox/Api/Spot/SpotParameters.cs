using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>
/// A Spot request's parameters, from a form body (also when no content type is sent, as npm kraken-api does), a JSON
/// body (<c>{"nonce":"…"}</c>, ccxt's AddOrderBatch style) or a GET query. Parameters that appear twice make the
/// request invalid.
/// </summary>
internal sealed class SpotParameters
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private SpotParameters()
    {
    }

    public static SpotParameters Empty { get; } = new();

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>
    /// A list parameter: comma-separated text (<c>XBTUSD,ETHUSD</c>), or, as clients sending JSON bodies write it, a JSON
    /// array of names or of <c>{"asset": name, "aclass": class}</c> objects (<c>aclass</c> optional, any string). Empty
    /// when absent; null when the JSON is malformed or an item is neither.
    /// </summary>
    public IReadOnlyList<string>? List(string name) => ClassedList(name)?.Select(i => i.Name).ToList();

    /// <summary>The same list with each item's asset class (<c>aclass</c>; null for a name or an object without one).</summary>
    public IReadOnlyList<(string Name, string? AssetClass)>? ClassedList(string name)
    {
        var text = this[name];
        if (text is null || !text.StartsWith('['))
        {
            return [.. (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(n => (n, (string?)null))];
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
            var items = new List<(string, string?)>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (ListItem(item) is not ({ Length: > 0 } value, var assetClass))
                {
                    return null;
                }

                items.Add((value, assetClass));
            }

            return items;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Parses a body by its content type; null when it cannot be read (bad UTF-8, bad JSON, a repeated name, an unsupported type).</summary>
    public static SpotParameters? Parse(string? contentType, ReadOnlySpan<byte> body)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim() ?? string.Empty;
        if (mediaType.Length == 0 || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return ParseForm(body);
        }

        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ? ParseJson(body) : null;
    }

    /// <summary>Parses a URL query (without or with its leading <c>?</c>).</summary>
    public static SpotParameters? ParseQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return Empty;
        }

        return ParseFormText(query.StartsWith('?') ? query[1..] : query);
    }

    private static SpotParameters? ParseForm(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return new SpotParameters();
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return ParseFormText(text);
    }

    private static SpotParameters? ParseFormText(string text)
    {
        var parameters = new SpotParameters();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
            if (name.Length == 0 || !parameters._values.TryAdd(name, value))
            {
                return null;
            }
        }

        return parameters;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static SpotParameters? ParseJson(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var parameters = new SpotParameters();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? string.Empty,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
                if (value is not null && !parameters._values.TryAdd(property.Name, value))
                {
                    return null;
                }
            }

            return parameters;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (string? Name, string? AssetClass) ListItem(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return (item.GetString(), null);
        }

        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("asset", out var asset) || asset.ValueKind != JsonValueKind.String
            || (item.TryGetProperty("aclass", out var aclass) && aclass.ValueKind != JsonValueKind.String))
        {
            return (null, null);
        }

        return (asset.GetString(), item.TryGetProperty("aclass", out var given) ? given.GetString() : null);
    }

    /// <summary>A positive decimal in plain notation (no sign, no exponent, no NaN), or false.</summary>
    public static bool TryAmount(string? text, out decimal amount) => WireAmount.TryParsePositive(text, out amount);

    /// <summary>Unix seconds (fractions allowed), or false.</summary>
    public static bool TryUnixTime(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is not { Length: > 0 and <= 24 }
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253_402_300_799m)
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds((long)decimal.Truncate(seconds * 1000m));
        return true;
    }
}
