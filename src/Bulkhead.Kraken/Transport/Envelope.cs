using System.Text;
using System.Text.Json;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Transport;

/// <summary>Reads Kraken's answers: the Spot <c>{"error":[…],"result":…}</c> envelope and the Futures <c>{"result":"success"|"error",…}</c> one.</summary>
internal static class Envelope
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Spot: the <c>result</c> on success, the first error string (verbatim) otherwise.</summary>
    public static KrakenResult<JsonElement> ReadSpot(HttpAnswer answer)
    {
        if (!TryParse(answer, out var root, out var failure))
        {
            return failure;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return NotEnvelope(answer, "a JSON value that is not an object");
        }

        if (root.TryGetProperty("error", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            // Kraken sends an empty list on success; empty strings inside it carry nothing and are skipped.
            var texts = errors.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())
                .Where(t => t.Length > 0)
                .ToList();
            if (texts.Count > 0)
            {
                var error = KrakenErrors.FromExchange(texts[0]);
                return texts.Count == 1
                    ? error
                    : new KrakenError(error.Code, error.Category, error.Origin, $"{error.Message} (all errors: {string.Join(", ", texts)})");
            }
        }

        if (root.TryGetProperty("result", out var result))
        {
            return KrakenResult<JsonElement>.Ok(result.Clone());
        }

        return NotEnvelope(answer, "JSON without 'error' or 'result'");
    }

    /// <summary>Futures: the whole object on success; the <c>error</c> string or <c>errors[0].message</c> otherwise. History answers have no <c>result</c> field.</summary>
    public static KrakenResult<JsonElement> ReadFutures(HttpAnswer answer)
    {
        if (!TryParse(answer, out var root, out var failure))
        {
            return failure;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return NotEnvelope(answer, "a JSON value that is not an object");
        }

        var resultField = root.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        string? code = null;
        if (root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } s)
        {
            code = s;
        }
        else if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0)
        {
            var first = list[0];
            code = first.ValueKind == JsonValueKind.Object && first.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()
                : first.ValueKind == JsonValueKind.String ? first.GetString() : first.GetRawText();
            code = string.IsNullOrEmpty(code) ? KrakenErrors.FuturesUnknownError : code;
        }
        else if (answer.Status == 401)
        {
            // The history API answers 401 {"status":"unauthorized","reason":"…"}.
            code = KrakenErrors.FuturesAuthenticationError;
        }

        if (code is not null || string.Equals(resultField, "error", StringComparison.Ordinal))
        {
            return KrakenErrors.FromExchange(code ?? KrakenErrors.FuturesUnknownError);
        }

        if (answer.Status is < 200 or > 299)
        {
            return KrakenErrors.HttpStatus(answer.Status, Snippet(answer.Body));
        }

        return KrakenResult<JsonElement>.Ok(root.Clone());
    }

    private static bool TryParse(HttpAnswer answer, out JsonElement root, out KrakenError failure)
    {
        root = default;
        failure = null!;
        var body = answer.Body;
        if (body.Length == 0)
        {
            failure = answer.Status is >= 200 and <= 299
                ? KrakenErrors.BadResponse($"empty answer (HTTP {answer.Status})")
                : KrakenErrors.HttpStatus(answer.Status, "empty body");
            return false;
        }

        var first = FirstNonSpace(body);
        if (first != '{' && first != '[')
        {
            failure = answer.Status is >= 200 and <= 299
                ? KrakenErrors.BadResponse($"not JSON ({Describe(answer)}): {Snippet(body)}")
                : KrakenErrors.HttpStatus(answer.Status, $"{Describe(answer)}: {Snippet(body)}");
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body, Options);
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException ex)
        {
            failure = answer.Status is >= 200 and <= 299
                ? KrakenErrors.BadResponse($"truncated or malformed JSON at byte {ex.BytePositionInLine ?? 0} of line {ex.LineNumber ?? 0} ({body.Length} bytes)")
                : KrakenErrors.HttpStatus(answer.Status, $"malformed JSON body: {Snippet(body)}");
            return false;
        }
    }

    private static KrakenError NotEnvelope(HttpAnswer answer, string what) =>
        answer.Status is >= 200 and <= 299
            ? KrakenErrors.BadResponse($"{what}, not a Kraken envelope: {Snippet(answer.Body)}")
            : KrakenErrors.HttpStatus(answer.Status, $"{what}: {Snippet(answer.Body)}");

    private static string Describe(HttpAnswer answer) =>
        answer.MediaType is { } media ? (media.Contains("html", StringComparison.OrdinalIgnoreCase) ? "an HTML page, probably from a proxy or gateway" : media) : "no content type";

    private static int FirstNonSpace(byte[] body)
    {
        var start = body.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        for (var i = start; i < body.Length; i++)
        {
            if (body[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return body[i];
            }
        }

        return -1;
    }

    /// <summary>The start of a body for a message: at most 120 characters, control characters replaced.</summary>
    internal static string Snippet(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 480));
        var builder = new StringBuilder(Math.Min(text.Length, 121));
        foreach (var c in text)
        {
            if (builder.Length >= 120)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}
