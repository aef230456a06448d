using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bulkhead.Kraken.Spot;

/// <summary>
/// The body of a private Spot call as a client sent it (a form, or JSON when the content type says so): its parameters, its nonce,
/// and the same body with the nonce replaced. Every other form pair keeps its bytes, in its order.
/// </summary>
public static class SpotRequestBody
{
    private const string NonceField = "nonce";

    /// <summary>True when <paramref name="contentType"/> names JSON.</summary>
    public static bool IsJson(string? contentType) =>
        contentType is not null && contentType.TrimStart().StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The parameters (nonce included, as sent) in order; null when a JSON body is not an object.</summary>
    internal static List<KeyValuePair<string, string>>? Parameters(ReadOnlySpan<byte> body, string? contentType)
    {
        if (!IsJson(contentType))
        {
            return [.. FormPairs(Encoding.UTF8.GetString(body)).Select(p => new KeyValuePair<string, string>(p.Name, p.Value))];
        }

        try
        {
            if (JsonNode.Parse(body) is not JsonObject json)
            {
                return null;
            }

            return [.. json.Select(p => new KeyValuePair<string, string>(p.Key, p.Value switch
            {
                null => string.Empty,
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                var other => other.ToJsonString(),
            }))];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The nonce as sent, or null when there is none (or the body is unreadable).</summary>
    public static string? Nonce(ReadOnlySpan<byte> body, string? contentType) =>
        Parameters(body, contentType)?.FirstOrDefault(p => string.Equals(p.Key, NonceField, StringComparison.Ordinal)).Value;

    /// <summary>The body with its nonce replaced by <paramref name="nonce"/> (a form: first, the other pairs unchanged after it).</summary>
    internal static byte[] WithNonce(ReadOnlySpan<byte> body, string? contentType, long nonce)
    {
        var text = nonce.ToString(CultureInfo.InvariantCulture);
        if (IsJson(contentType) && JsonNode.Parse(body) is JsonObject json)
        {
            json[NonceField] = json[NonceField] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? JsonValue.Create(nonce) : JsonValue.Create(text);
            return Encoding.UTF8.GetBytes(json.ToJsonString());
        }

        var rest = FormPairs(Encoding.UTF8.GetString(body)).Where(p => p.Name != NonceField).Select(p => p.Raw);
        var joined = string.Join('&', rest);
        return Encoding.UTF8.GetBytes(joined.Length == 0 ? NonceField + "=" + text : NonceField + "=" + text + "&" + joined);
    }

    private static IEnumerable<(string Name, string Value, string Raw)> FormPairs(string form)
    {
        foreach (var raw in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? raw : raw[..equals];
            var value = equals < 0 ? string.Empty : raw[(equals + 1)..];
            yield return (Decode(name), Decode(value), raw);
        }
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
