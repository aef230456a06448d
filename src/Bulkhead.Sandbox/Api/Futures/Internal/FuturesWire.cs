using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>
/// Kraken Futures envelopes (futures.md §2): <c>{"result":"success","serverTime":"…Z",…}</c>; errors
/// <c>{"result":"error","serverTime":…,"error":"&lt;enum&gt;"}</c> with HTTP 200 unless Kraken documents another status;
/// history-API refusals as Kraken sends them (401 <c>{status,reason}</c>, 429 text with <c>rate-limit-reset</c>).
/// </summary>
internal static class FuturesWire
{
    private const string JsonType = "application/json; charset=utf-8";

    /// <summary>ISO-8601 UTC with milliseconds and <c>Z</c>, as Kraken writes times.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A decimal as Kraken's decimal strings: invariant, no exponent, no trailing zeros.</summary>
    public static string Decimal(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>A decimal as a JSON number without trailing zeros.</summary>
    public static JsonNode Number(decimal value) => JsonValue.Create(value / 1.000000000000000000000000000000000m);

    /// <summary>A success envelope with <paramref name="fields"/> added after <c>result</c> and <c>serverTime</c>.</summary>
    public static IResult Success(TimeProvider time, JsonObject? fields = null)
    {
        var body = new JsonObject { ["result"] = "success", ["serverTime"] = Time(time.GetUtcNow()) };
        foreach (var (name, value) in fields ?? [])
        {
            body[name] = value?.DeepClone();
        }

        return Json(body, StatusCodes.Status200OK);
    }

    /// <summary>An error envelope (HTTP 200 unless <paramref name="status"/> says otherwise).</summary>
    public static IResult Error(TimeProvider time, string error, int status = StatusCodes.Status200OK) =>
        Json(new JsonObject { ["result"] = "error", ["serverTime"] = Time(time.GetUtcNow()), ["error"] = error }, status);

    /// <summary>A JSON body with no envelope (history API).</summary>
    public static IResult Json(JsonObject body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), JsonType, null, status);

    /// <summary>The history API's authentication refusal.</summary>
    public static IResult HistoryUnauthorized() =>
        Json(new JsonObject { ["status"] = "unauthorized", ["reason"] = "You are not authorized to access this endpoint." }, StatusCodes.Status401Unauthorized);

    /// <summary>The history API's rate-limit refusal: 429, text, <c>rate-limit-reset</c> in whole seconds.</summary>
    public static IResult HistoryRateLimited(TimeSpan retryAfter) => new HistoryLimitResult(retryAfter);

    private sealed class HistoryLimitResult(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers["rate-limit-reset"] = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            return httpContext.Response.WriteAsync("Too many requests", httpContext.RequestAborted);
        }
    }
}
