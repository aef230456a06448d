using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Signing;
using Bulkhead.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bulkhead.Testing.FakeKraken;

/// <summary>
/// A Kraken Futures REST stand-in on a real loopback Kestrel server. Verifies <c>Authent</c> over the raw query plus raw
/// body as received, the optional <c>Nonce</c> header and the path without <c>/derivatives</c>; rejects a nonce that does not
/// increase per key; answers with one JSON fixture per endpoint (<c>{endpoint with / as _}.json</c>), overridable per test;
/// injects faults; records every request. Orders sent with a <c>cliOrdId</c> are remembered so <c>orders/status</c> finds them.
/// </summary>
public sealed class FakeFuturesServer : IAsyncDisposable
{
    private const string DerivativesPrefix = "/derivatives/api/v3/";
    private const string HistoryPrefix = "/api/history/v3/";
    private static readonly HashSet<string> PublicEndpoints = new(StringComparer.Ordinal) { "instruments", "tickers", "orderbook" };

    private readonly string _fixtures;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _lastNonce = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeFuturesRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FuturesFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _overrides = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _landed = new(StringComparer.Ordinal);
    private readonly Lock _nonceGate = new();
    private LoopbackServer? _server;

    private FakeFuturesServer(string fixtureDirectory, TimeProvider time)
    {
        _fixtures = fixtureDirectory;
        _time = time;
    }

    /// <summary>The base URL to give the client.</summary>
    public Uri BaseUrl => _server!.BaseUrl;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<FakeFuturesRequest> Requests => _requests.ToArray();

    /// <summary>Client order ids of orders that landed.</summary>
    public IReadOnlyCollection<string> LandedClientOrderIds => _landed.Keys.ToArray();

    /// <summary>Starts a server serving fixtures from <paramref name="fixtureDirectory"/>.</summary>
    public static async Task<FakeFuturesServer> StartAsync(string fixtureDirectory, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fixtureDirectory);
        var fake = new FakeFuturesServer(fixtureDirectory, time ?? TimeProvider.System);
        fake._server = await LoopbackServer.StartAsync(app => app.Map("/{**path}", fake.HandleAsync)).ConfigureAwait(false);
        return fake;
    }

    /// <summary>Accepts a key with its base64 secret.</summary>
    public void AddKey(string apiKey, string base64Secret) => _secrets[apiKey] = Convert.FromBase64String(base64Secret);

    /// <summary>Answers the next <paramref name="times"/> requests to <paramref name="endpoint"/> with <paramref name="fault"/>.</summary>
    public void InjectFault(string endpoint, FuturesFault fault, int times = 1)
    {
        var queue = _faults.GetOrAdd(endpoint, _ => new ConcurrentQueue<FuturesFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Answers <paramref name="endpoint"/> with <paramref name="json"/> instead of its fixture.</summary>
    public void Respond(string endpoint, string json) => _overrides[endpoint] = json;

    /// <summary>Requests received for one endpoint.</summary>
    public IReadOnlyList<FakeFuturesRequest> RequestsTo(string endpoint) => Requests.Where(r => r.Endpoint == endpoint).ToList();

    /// <summary>The fixture text for an endpoint.</summary>
    public string Fixture(string endpoint) => File.ReadAllText(Path.Combine(_fixtures, endpoint.Replace('/', '_') + ".json"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var endpoint = EndpointOf(path);
        var history = path.StartsWith(HistoryPrefix, StringComparison.Ordinal);
        var nonce = request.Headers["Nonce"].FirstOrDefault();

        var authenticated = false;
        if (!PublicEndpoints.Contains(endpoint))
        {
            var apiKey = request.Headers["APIKey"].FirstOrDefault();
            authenticated = apiKey is not null && _secrets.TryGetValue(apiKey, out var secret)
                && FuturesSigner.Verify(secret, query + body, nonce ?? string.Empty, path, request.Headers["Authent"].FirstOrDefault());
            _requests.Enqueue(new FakeFuturesRequest(request.Method, path, endpoint, query, body, nonce, authenticated));
            if (!authenticated)
            {
                await (history
                    ? WriteAsync(context, 401, "application/json", """{"status":"unauthorized","reason":"You are not authorized to access this endpoint."}""")
                    : WriteErrorAsync(context, "authenticationError")).ConfigureAwait(false);
                return;
            }

            if (nonce is not null && !AcceptNonce(apiKey!, nonce))
            {
                await WriteErrorAsync(context, "nonceBelowThreshold").ConfigureAwait(false);
                return;
            }
        }
        else
        {
            _requests.Enqueue(new FakeFuturesRequest(request.Method, path, endpoint, query, body, nonce, false));
        }

        var parameters = QueryHelpers.ParseQuery(request.Method == "POST" ? body : query);
        if (_faults.TryGetValue(endpoint, out var faults) && faults.TryDequeue(out var fault))
        {
            if (fault == FuturesFault.UnavailableAfterProcessing)
            {
                _ = Answer(endpoint, request.Method, parameters);
            }

            await WriteFaultAsync(context, fault).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, "application/json", Answer(endpoint, request.Method, parameters)).ConfigureAwait(false);
    }

    private string Answer(string endpoint, string method, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> parameters)
    {
        switch (endpoint)
        {
            case "sendorder" when parameters.TryGetValue("cliOrdId", out var cli) && cli.ToString() is { Length: > 0 } clientOrderId:
                if (_landed.ContainsKey(clientOrderId))
                {
                    return Success(new JsonObject { ["sendStatus"] = new JsonObject { ["status"] = "clientOrderIdAlreadyExist", ["receivedTime"] = Now() } });
                }

                var answer = _overrides.TryGetValue(endpoint, out var sent) ? sent : Fixture(endpoint);
                if (JsonNode.Parse(answer)?["sendStatus"]?["order_id"]?.GetValue<string>() is { } landedId)
                {
                    _landed[clientOrderId] = landedId;
                }

                return answer;
            case "orders/status":
                var wanted = parameters.TryGetValue("cliOrdIds", out var c) ? c.ToArray() : [];
                var orderIds = parameters.TryGetValue("orderIds", out var o) ? o.ToArray() : [];
                var fixture = JsonNode.Parse(Fixture(endpoint))!.AsObject();
                var orders = new JsonArray();
                foreach (var entry in fixture["orders"]!.AsArray())
                {
                    var order = entry!["order"]!;
                    if (wanted.Contains(order["cliOrdId"]?.GetValue<string>()) || orderIds.Contains(order["orderId"]?.GetValue<string>()))
                    {
                        orders.Add(entry.DeepClone());
                    }
                }

                foreach (var id in wanted.Where(w => w is not null && _landed.ContainsKey(w)))
                {
                    orders.Add(new JsonObject
                    {
                        ["order"] = new JsonObject { ["type"] = "ORDER", ["orderId"] = _landed[id!], ["cliOrdId"] = id, ["symbol"] = "PF_XBTUSD", ["side"] = "buy", ["quantity"] = 0.001m, ["filled"] = 0, ["limitPrice"] = 50000, ["reduceOnly"] = false, ["timestamp"] = Now() },
                        ["status"] = "ENTERED_BOOK",
                        ["updateReason"] = "NEW_USER_ORDER",
                        ["error"] = null,
                    });
                }

                fixture["orders"] = orders;
                return _overrides.TryGetValue(endpoint, out var over) ? over : fixture.ToJsonString();
            case "trading-enabled" when method == "PUT":
                return $$"""{"tradingEnabled":{{(parameters.TryGetValue("tradingEnabled", out var t) && t == "true" ? "true" : "false")}}}""";
            default:
                return _overrides.TryGetValue(endpoint, out var json) ? json : Fixture(endpoint);
        }
    }

    private bool AcceptNonce(string apiKey, string nonce)
    {
        if (!long.TryParse(nonce, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        lock (_nonceGate)
        {
            if (_lastNonce.TryGetValue(apiKey, out var last) && value <= last)
            {
                return false;
            }

            _lastNonce[apiKey] = value;
            return true;
        }
    }

    private static string EndpointOf(string path)
    {
        var endpoint = path.StartsWith(DerivativesPrefix, StringComparison.Ordinal) ? path[DerivativesPrefix.Length..]
            : path.StartsWith(HistoryPrefix, StringComparison.Ordinal) ? path[HistoryPrefix.Length..]
            : path;
        return endpoint.StartsWith("subaccount/", StringComparison.Ordinal) && endpoint.EndsWith("/trading-enabled", StringComparison.Ordinal) ? "trading-enabled" : endpoint;
    }

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string Success(JsonObject payload)
    {
        payload["result"] = "success";
        payload["serverTime"] = Now();
        return payload.ToJsonString();
    }

    private Task WriteErrorAsync(HttpContext context, string error) =>
        WriteAsync(context, 200, "application/json", JsonSerializer.Serialize(new { result = "error", serverTime = Now(), error }));

    private Task WriteFaultAsync(HttpContext context, FuturesFault fault) => fault switch
    {
        FuturesFault.Unavailable or FuturesFault.UnavailableAfterProcessing => WriteErrorAsync(context, "Unavailable"),
        FuturesFault.BadGatewayHtml => WriteAsync(context, 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"),
        FuturesFault.NotJson => WriteAsync(context, 200, "text/plain", "upstream says hello"),
        FuturesFault.TruncatedJson => WriteAsync(context, 200, "application/json", """{"result":"success","serverTime":"2026-01-01T00:00:00.000Z","accounts":{"cash":{"type":"cashAc"""),
        FuturesFault.EmptyBody => WriteAsync(context, 200, "application/json", string.Empty),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (body.Length > 0)
        {
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
