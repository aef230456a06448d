using System.Collections.Frozen;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Kraken.Spot;

/// <summary>
/// Kraken Spot REST client. Every private call goes through the key's lockout guard, the account's rate limiters, the
/// key's nonce source and the <c>API-Sign</c> signer, in that order; results are values (<see cref="KrakenResult{T}"/>).
/// Typed endpoints live in the partial files beside this one; <see cref="CallPublicAsync"/> and
/// <see cref="CallPrivateAsync"/> reach any method.
/// </summary>
public sealed partial class SpotClient
{
    private const string Venue = "spot";

    // Calls that change state and may not simply be sent again after an unclear failure.
    private static readonly FrozenSet<string> NotSafeToRepeat = new[]
    {
        "AddOrder", "AddOrderBatch", "EditOrder", "AmendOrder", "CancelOrder", "CancelOrderBatch",
        "Withdraw", "WithdrawCancel", "WalletTransfer", "AccountTransfer", "CreateSubaccount",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly PrivateCallPipeline _pipeline;
    private readonly OrderPlacement _placement;
    private readonly KrakenClientOptions _options;
    private readonly SpotRateLimiters? _limiters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a client.</summary>
    /// <param name="http">The HTTP client (owned by the caller; reuse one per process).</param>
    /// <param name="options">Base URL, timeouts and retries; validated and copied.</param>
    /// <param name="time">The clock.</param>
    /// <param name="key">The key for private calls, or null for a public-only client.</param>
    /// <param name="limiters">The account's rate limiters, or null to send without waiting (the exchange still enforces its limits).</param>
    /// <param name="logger">A logger, or null.</param>
    public SpotClient(HttpClient http, KrakenClientOptions options, TimeProvider time, KrakenKey? key = null, SpotRateLimiters? limiters = null, ILogger<SpotClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.ValidatedCopy(KrakenClientOptions.SpotProduction);
        _limiters = limiters;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _pipeline = new PrivateCallPipeline(Venue, new KrakenHttp(http, time, _options.Timeout), key, time, _options, _logger);
        _placement = new OrderPlacement(_options, time, _logger);
    }

    /// <summary>The base URL this client calls.</summary>
    public Uri BaseUrl => _options.BaseUrl!;

    /// <summary>The name of this client's key (<see cref="KrakenKey.Name"/>), for journals; null without a key or a name.</summary>
    internal string? KeyName => _pipeline.Key?.Name;

    /// <summary>Calls a public method (<c>GET /0/public/{method}</c>). Safe to repeat, so transient failures are retried.</summary>
    public Task<KrakenResult<JsonElement>> CallPublicAsync(string method, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default)
    {
        ValidateMethod(method);
        var query = FormEncoding.Encode(parameters ?? []);
        var uri = new Uri(BaseUrl, "0/public/" + method + (query.Length > 0 ? "?" + query : string.Empty));
        return _pipeline.SendAsync(
            method,
            _ => new HttpRequestMessage(HttpMethod.Get, uri),
            Envelope.ReadSpot,
            limiter: null,
            cost: 0,
            signed: false,
            safeToRepeat: true,
            cancellationToken);
    }

    /// <summary>
    /// Calls a private method (<c>POST /0/private/{method}</c>, form body starting with the nonce). Reads and idempotent
    /// calls are retried on transient failures with a fresh nonce; order placement, edits, cancels and money movements are not.
    /// </summary>
    public Task<KrakenResult<JsonElement>> CallPrivateAsync(string method, IEnumerable<KeyValuePair<string, string>>? parameters = null, CancellationToken cancellationToken = default) =>
        SendPrivateAsync(method, parameters, !NotSafeToRepeat.Contains(method ?? string.Empty), cancellationToken);

    internal Task<KrakenResult<JsonElement>> SendPrivateAsync(string method, IEnumerable<KeyValuePair<string, string>>? parameters, bool safeToRepeat, CancellationToken cancellationToken)
    {
        ValidateMethod(method);
        var list = parameters?.ToList() ?? [];
        if (list.Any(p => string.Equals(p.Key, "nonce", StringComparison.Ordinal)))
        {
            throw new ArgumentException("Do not pass 'nonce': the client draws it from the key's nonce source.", nameof(parameters));
        }

        var path = "/0/private/" + method;
        var uri = new Uri(BaseUrl, path.TrimStart('/'));
        var (limiter, cost) = LimiterFor(method, list);
        return _pipeline.SendAsync(
            method,
            nonce => BuildPrivate(uri, path, nonce!.Value, list),
            Envelope.ReadSpot,
            limiter,
            cost,
            signed: true,
            safeToRepeat,
            cancellationToken);
    }

    /// <summary>
    /// A private call with a JSON body (<c>{"nonce":"…", …}</c>, <c>Content-Type: application/json</c>; spot.md §1): for the
    /// parameters a form cannot carry, such as <c>TradeVolume</c>'s list of <c>{asset, aclass}</c> objects.
    /// </summary>
    internal Task<KrakenResult<JsonElement>> SendPrivateJsonAsync(string method, System.Text.Json.Nodes.JsonObject fields, bool safeToRepeat, CancellationToken cancellationToken)
    {
        ValidateMethod(method);
        if (fields.ContainsKey("nonce"))
        {
            throw new ArgumentException("Do not pass 'nonce': the client draws it from the key's nonce source.", nameof(fields));
        }

        var path = "/0/private/" + method;
        var uri = new Uri(BaseUrl, path.TrimStart('/'));
        var (limiter, cost) = LimiterFor(method, []);
        return _pipeline.SendAsync(
            method,
            nonce => BuildPrivateJson(uri, path, nonce!.Value, fields),
            Envelope.ReadSpot,
            limiter,
            cost,
            signed: true,
            safeToRepeat,
            cancellationToken);
    }

    private HttpRequestMessage BuildPrivateJson(Uri uri, string path, long nonce, System.Text.Json.Nodes.JsonObject fields)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["nonce"] = nonce.ToString(CultureInfo.InvariantCulture) };
        foreach (var (name, value) in fields)
        {
            body[name] = value?.DeepClone();
        }

        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var key = _pipeline.Key!;
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("API-Key", key.Credentials.ApiKey);
        request.Headers.TryAddWithoutValidation("API-Sign", SpotSigner.Sign(key.Credentials, path, nonce, bytes));
        return request;
    }

    private HttpRequestMessage BuildPrivate(Uri uri, string path, long nonce, List<KeyValuePair<string, string>> parameters)
    {
        var body = "nonce=" + nonce.ToString(CultureInfo.InvariantCulture);
        var rest = FormEncoding.Encode(parameters);
        if (rest.Length > 0)
        {
            body += "&" + rest;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        var key = _pipeline.Key!;
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation("API-Key", key.Credentials.ApiKey);
        request.Headers.TryAddWithoutValidation("API-Sign", SpotSigner.Sign(key.Credentials, path, nonce, bytes));
        return request;
    }

    private (Limits.IRateLimiter? Limiter, decimal Cost) LimiterFor(string method, List<KeyValuePair<string, string>> parameters)
    {
        if (_limiters is null)
        {
            return (null, 0);
        }

        if (method is "AddOrder" or "EditOrder" or "AmendOrder" or "CancelOrder"
            && (parameters.FirstOrDefault(p => p.Key == "pair").Value ?? PairOfTrackedOrder(parameters)) is { Length: > 0 } pair)
        {
            return (_limiters.Trading(pair), TradingCost(method, parameters));
        }

        return (_limiters.Rest, Limits.SpotCallCosts.For(method));
    }

    private async Task<KrakenResult<T>> PublicAsync<T>(string method, List<KeyValuePair<string, string>>? parameters, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var answer = await CallPublicAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        return Read(method, answer, read);
    }

    private async Task<KrakenResult<T>> PrivateAsync<T>(string method, List<KeyValuePair<string, string>>? parameters, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        var answer = await CallPrivateAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        return Read(method, answer, read);
    }

    /// <summary>Reads a result into a model; a result of the wrong shape becomes a protocol error value, never an exception.</summary>
    private static KrakenResult<T> Read<T>(string method, KrakenResult<JsonElement> answer, Func<JsonElement, T> read)
    {
        if (!answer.Success)
        {
            return answer.Error;
        }

        try
        {
            return KrakenResult<T>.Ok(read(answer.Value));
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or KeyNotFoundException or OverflowException or ArgumentException)
        {
            return KrakenErrors.BadResponse($"{method}: the result does not have the documented shape ({ex.Message})");
        }
    }

    private static void ValidateMethod(string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        foreach (var c in method)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                throw new ArgumentException($"'{method}' is not a Kraken method name (letters and digits only, e.g. Balance).", nameof(method));
            }
        }
    }
}
