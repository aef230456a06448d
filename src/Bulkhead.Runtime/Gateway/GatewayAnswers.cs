using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Transport;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Runtime.Gateway;

/// <summary>
/// What the gateway writes back: the exchange's answer byte for byte, or a refusal of its own in the shape of the API the
/// path names, with Kraken's words (so an unmodified bot reacts as it would to Kraken) and the reason in a
/// <see cref="RefusalHeader"/> header for the operator.
/// </summary>
internal static class GatewayAnswers
{
    /// <summary>The header naming why the gateway answered itself (never a credential).</summary>
    public const string RefusalHeader = "Bulkhead-Refusal";

    private const string JsonType = "application/json; charset=utf-8";

    /// <summary>The exchange's answer, as it came.</summary>
    public static Task WriteAsync(HttpContext context, RelayedAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        if (answer.ContentType is { } type)
        {
            context.Response.ContentType = type;
        }

        context.Response.ContentLength = answer.Body.Length;
        return context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).AsTask();
    }

    /// <summary>A Spot refusal: <c>{"error":["…"]}</c>.</summary>
    public static Task SpotAsync(HttpContext context, string error, string reason, int status = StatusCodes.Status200OK) =>
        WriteJsonAsync(context, new JsonObject { ["error"] = new JsonArray(error) }, reason, status);

    /// <summary>A Futures refusal: <c>{"result":"error","serverTime":…,"error":"…"}</c>; on the history API its 401 shape.</summary>
    public static Task FuturesAsync(HttpContext context, string error, string reason, TimeProvider time, int status = StatusCodes.Status200OK)
    {
        if (IsHistory(context) && error == KrakenErrors.FuturesAuthenticationError)
        {
            return WriteJsonAsync(context, new JsonObject { ["status"] = "unauthorized", ["reason"] = "You are not authorized to access this endpoint." }, reason, StatusCodes.Status401Unauthorized);
        }

        var serverTime = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return WriteJsonAsync(context, new JsonObject { ["result"] = "error", ["serverTime"] = serverTime, ["error"] = error }, reason, status);
    }

    /// <summary>
    /// The wire words for an error the relay returned instead of an answer: the guard's halt is Kraken's lockout, an empty
    /// budget its rate limit, anything else (the exchange unreachable, no answer in time) a 502 "unavailable".
    /// </summary>
    public static (string Spot, string Futures, int Status) Words(KrakenError error) => error.Code switch
    {
        KrakenErrors.LocalKeyHalted => (KrakenErrors.TemporaryLockout, KrakenErrors.FuturesAuthenticationError, StatusCodes.Status200OK),
        KrakenErrors.LocalRateBudget => (KrakenErrors.RateLimitExceeded, KrakenErrors.FuturesApiLimitExceeded, StatusCodes.Status200OK),
        _ => (KrakenErrors.ServiceUnavailable, KrakenErrors.FuturesUnavailable, StatusCodes.Status502BadGateway),
    };

    private static bool IsHistory(HttpContext context) => context.Request.Path.StartsWithSegments("/api/history", StringComparison.Ordinal);

    private static Task WriteJsonAsync(HttpContext context, JsonObject body, string reason, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonType;
        context.Response.Headers[RefusalHeader] = Ascii(reason);
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    // Header values are ASCII.
    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }
}
