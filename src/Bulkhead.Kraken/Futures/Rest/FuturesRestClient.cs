using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>
/// Kraken Futures REST transport (<c>/derivatives/api/v3</c> and <c>/api/history</c>). Kraken switches this API off on
/// 1 March 2027; callers should depend on the venue-neutral interfaces in <c>Bulkhead.Kraken.Venues</c>, which this
/// class implements, so that a Unified WebSocket transport can replace it without touching them.
/// GET and PUT parameters travel in the query string, POST parameters in a form body; <c>Authent</c> signs
/// <c>rawQuery + rawBody + nonce + path-without-/derivatives</c>.
/// </summary>
public sealed partial class FuturesRestClient
{
    private const string Venue = "futures";
    private const string DerivativesPrefix = "derivatives/api/v3/";

    private readonly PrivateCallPipeline _pipeline;
    private readonly OrderPlacement _placement;
    private readonly KrakenClientOptions _options;
    private readonly FuturesRateLimiters? _limiters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a client.</summary>
    /// <param name="http">The HTTP client (owned by the caller).</param>
    /// <param name="options">Base URL (scheme and host, e.g. <c>https://futures.kraken.com</c>), timeouts and retries; validated and copied.</param>
    /// <param name="time">The clock.</param>
    /// <param name="key">The key for private calls, or null for a public-only client.</param>
    /// <param name="limiters">The account's rate limiters, or null to send without waiting.</param>
    /// <param name="logger">A logger, or null.</param>
    public FuturesRestClient(HttpClient http, KrakenClientOptions options, TimeProvider time, KrakenKey? key = null, FuturesRateLimiters? limiters = null, ILogger<FuturesRestClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.ValidatedCopy(KrakenClientOptions.FuturesProduction);
        _limiters = limiters;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _pipeline = new PrivateCallPipeline(Venue, new KrakenHttp(http, time, _options.Timeout), key, time, _options, _logger);
        _placement = new OrderPlacement(_options, time, _logger);
    }

    /// <summary>The base URL this client calls.</summary>
    public Uri BaseUrl => _options.BaseUrl!;

    /// <summary>Whether private calls carry the optional <c>Nonce</c> header (drawn from the key's nonce source).</summary>
    /// <value>True.</value>
    public bool SendNonce { get; init; } = true;

    /// <summary>
    /// Calls any endpoint. <paramref name="path"/> is relative to <c>/derivatives/api/v3/</c> (<c>openpositions</c>) or an
    /// absolute path (<c>/api/history/v3/account-log</c>, <c>/derivatives/api/v4/historicalfundingrates</c>).
    /// </summary>
    public Task<KrakenResult<JsonElement>> CallAsync(HttpMethod verb, string path, IEnumerable<KeyValuePair<string, string>>? parameters = null, bool authenticated = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Contains('?', StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is not an endpoint path; pass parameters separately.", nameof(path));
        }

        var urlPath = path.StartsWith('/') ? path : "/" + DerivativesPrefix + path;
        var list = parameters?.ToList() ?? [];
        var encoded = FormEncoding.Encode(list);
        var inBody = verb == HttpMethod.Post;
        var uri = new Uri(BaseUrl, urlPath.TrimStart('/') + (!inBody && encoded.Length > 0 ? "?" + encoded : string.Empty));
        var endpoint = FuturesEndpointName(urlPath);
        var (limiter, cost) = LimiterFor(verb, endpoint, urlPath, list, authenticated);
        return _pipeline.SendAsync(
            $"{verb.Method} {endpoint}",
            nonce => Build(verb, uri, urlPath, inBody ? string.Empty : encoded, inBody ? encoded : null, authenticated ? nonce : null),
            Envelope.ReadFutures,
            limiter,
            cost,
            authenticated,
            safeToRepeat: verb == HttpMethod.Get || IsIdempotent(endpoint),
            cancellationToken);
    }

    private HttpRequestMessage Build(HttpMethod verb, Uri uri, string urlPath, string query, string? body, long? nonce)
    {
        var request = new HttpRequestMessage(verb, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (nonce is { } n)
        {
            var key = _pipeline.Key!;
            var nonceText = SendNonce ? n.ToString(CultureInfo.InvariantCulture) : string.Empty;
            request.Headers.TryAddWithoutValidation("APIKey", key.Credentials.ApiKey);
            if (nonceText.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Nonce", nonceText);
            }

            request.Headers.TryAddWithoutValidation("Authent", FuturesSigner.Sign(key.Credentials, query + (body ?? string.Empty), nonceText, urlPath));
        }

        return request;
    }

    private static string FuturesEndpointName(string urlPath) =>
        urlPath.StartsWith("/" + DerivativesPrefix, StringComparison.Ordinal) ? urlPath[(DerivativesPrefix.Length + 1)..] : urlPath;

    private static bool IsIdempotent(string endpoint) => endpoint is "cancelallorders" or "cancelallordersafter" or "orders/status";
}
