using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Signing;
using Bulkhead.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Testing.FakeKraken;

/// <summary>
/// A Kraken Spot REST server for tests, over real HTTP (Kestrel on loopback). It checks every private request as Kraken
/// does: known <c>API-Key</c> (else <c>EAPI:Invalid key</c>), <c>API-Sign</c> over the body bytes as received (else
/// <c>EAPI:Invalid signature</c>), nonce strictly above the key's last one (else <c>EAPI:Invalid nonce</c>). Results are
/// canned per method (raw JSON or a delegate); faults can be queued per method; every request is recorded.
/// </summary>
public sealed class FakeSpotServer : IAsyncDisposable
{
    private const string BadGatewayPage = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>cloudflare</p></body></html>";

    private readonly ConcurrentDictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastNonce = new(StringComparer.Ordinal);
    private readonly Lock _nonceGate = new();
    private readonly ConcurrentDictionary<string, Func<FakeSpotRequest, FakeSpotAnswer>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeSpotFault>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeSpotRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private LoopbackServer? _server;

    private FakeSpotServer()
    {
    }

    /// <summary>Raised for every request once it is recorded, before it is answered.</summary>
    public event Action<FakeSpotRequest>? Received;

    /// <summary>The base URL to give the client (no trailing slash).</summary>
    public Uri BaseUrl => _server!.BaseUrl;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<FakeSpotRequest> Requests => [.. _requests];

    /// <summary>Starts a server with no keys and no results.</summary>
    public static async Task<FakeSpotServer> StartAsync()
    {
        var fake = new FakeSpotServer();
        fake._server = await LoopbackServer.StartAsync(app => app.Map("/0/{scope}/{method}", fake.HandleAsync)).ConfigureAwait(false);
        return fake;
    }

    /// <summary>Registers a key and its base64 secret.</summary>
    public void AddKey(string apiKey, string base64Secret) => _secrets[apiKey] = Convert.FromBase64String(base64Secret);

    /// <summary>Answers <paramref name="method"/> with this raw JSON result.</summary>
    public void SetResult(string method, string resultJson) => _handlers[method] = _ => FakeSpotAnswer.Ok(resultJson);

    /// <summary>Answers <paramref name="method"/> with whatever <paramref name="handler"/> returns for the request.</summary>
    public void SetHandler(string method, Func<FakeSpotRequest, FakeSpotAnswer> handler) => _handlers[method] = handler;

    /// <summary>Answers the next <paramref name="count"/> calls of <paramref name="method"/> that pass authentication with <paramref name="fault"/>.</summary>
    public void InjectFault(string method, FakeSpotFault fault, int count = 1)
    {
        var queue = _faults.GetOrAdd(method, _ => new ConcurrentQueue<FakeSpotFault>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>How many requests of <paramref name="method"/> arrived.</summary>
    public int CountOf(string method) => _requests.Count(r => r.Method == method);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var scope = (string)context.Request.RouteValues["scope"]!;
        var method = (string)context.Request.RouteValues["method"]!;
        if (scope is not ("public" or "private"))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var isPrivate = scope == "private";
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var parameters = ReadParameters(context.Request, body);
        var nonceText = parameters.FirstOrDefault(p => p.Key == "nonce").Value;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var apiKey = headers.GetValueOrDefault("API-Key");
        var request = new FakeSpotRequest(
            method,
            isPrivate,
            apiKey,
            long.TryParse(nonceText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
            parameters.Where(p => p.Key != "nonce").ToList(),
            headers,
            string.Empty);

        var refusal = isPrivate ? Authenticate(context.Request.Path, apiKey, nonceText, body, headers.GetValueOrDefault("API-Sign")) : null;
        if (refusal is not null)
        {
            Record(request, refusal);
            await AnswerAsync(context, FakeSpotAnswer.Error(refusal)).ConfigureAwait(false);
            return;
        }

        if (_faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault))
        {
            Record(request, fault.ToString());
            await FaultAsync(context, fault).ConfigureAwait(false);
            return;
        }

        var answer = _handlers.TryGetValue(method, out var handler) ? handler(request) : FakeSpotAnswer.Error(KrakenErrors.UnknownMethod);
        Record(request, answer.Errors.Count > 0 ? answer.Errors[0] : "ok");
        await AnswerAsync(context, answer).ConfigureAwait(false);
    }

    private string? Authenticate(string path, string? apiKey, string? nonceText, byte[] body, string? apiSign)
    {
        if (apiKey is null || !_secrets.TryGetValue(apiKey, out var secret))
        {
            return KrakenErrors.InvalidKey;
        }

        if (nonceText is null || !long.TryParse(nonceText, NumberStyles.None, CultureInfo.InvariantCulture, out var nonce))
        {
            return KrakenErrors.InvalidNonce;
        }

        if (!SpotSigner.Verify(secret, path, nonceText, body, apiSign))
        {
            return KrakenErrors.InvalidSignature;
        }

        lock (_nonceGate)
        {
            if (_lastNonce.TryGetValue(apiKey, out var last) && nonce <= last)
            {
                return KrakenErrors.InvalidNonce;
            }

            _lastNonce[apiKey] = nonce;
        }

        return null;
    }

    private void Record(FakeSpotRequest request, string outcome)
    {
        var recorded = request with { Outcome = outcome };
        _requests.Enqueue(recorded);
        Received?.Invoke(recorded);
    }

    private static async Task AnswerAsync(HttpContext context, FakeSpotAnswer answer)
    {
        var json = answer.Errors.Count > 0
            ? $"{{\"error\":{JsonSerializer.Serialize(answer.Errors)}}}"
            : $"{{\"error\":[],\"result\":{answer.ResultJson}}}";
        await WriteAsync(context, 200, "application/json", json).ConfigureAwait(false);
    }

    private async Task FaultAsync(HttpContext context, FakeSpotFault fault)
    {
        switch (fault)
        {
            case FakeSpotFault.BadGatewayHtml:
                await WriteAsync(context, 502, "text/html", BadGatewayPage).ConfigureAwait(false);
                break;
            case FakeSpotFault.NotJson:
                await WriteAsync(context, 200, "text/plain", "upstream connect error or disconnect/reset before headers").ConfigureAwait(false);
                break;
            case FakeSpotFault.TruncatedJson:
                await WriteAsync(context, 200, "application/json", "{\"error\":[],\"result\":{\"ZUSD\":\"25").ConfigureAwait(false);
                break;
            case FakeSpotFault.EmptyBody:
                await WriteAsync(context, 200, "application/json", string.Empty).ConfigureAwait(false);
                break;
            case FakeSpotFault.Hang:
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.InfiniteTimeSpan, linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // The client gave up, or the server stops.
                    }
                }

                break;
            case FakeSpotFault.ServiceUnavailable:
                await AnswerAsync(context, FakeSpotAnswer.Error(KrakenErrors.ServiceUnavailable)).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>Query string for GET; the body otherwise, as JSON when so declared, as form data otherwise (also with no content type).</summary>
    private static List<KeyValuePair<string, string>> ReadParameters(HttpRequest request, byte[] body)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return ParseForm(request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty);
        }

        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.EnumerateObject()
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
                .ToList();
        }

        return ParseForm(Encoding.UTF8.GetString(body));
    }

    private static List<KeyValuePair<string, string>> ParseForm(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(Unescape(kv[0]), kv.Length > 1 ? Unescape(kv[1]) : string.Empty))
            .ToList();

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
