using System.Net.Http.Headers;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot.Internal;
using Bulkhead.Kraken.Transport;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotClient
{
    private const string PublicPrefix = "/0/public/";
    private const string PrivatePrefix = "/0/private/";

    /// <summary>
    /// Sends a request another client made (<c>/0/public/*</c> as it came; <c>/0/private/*</c> through this client's
    /// pipeline: the key's lockout guard, the rate limiters, a nonce from the key's source put in place of the caller's,
    /// this key's signature, the call journal) and returns the exchange's answer byte for byte. Sent once, never retried:
    /// the caller decides. A local refusal (guard halted, no rate headroom) or a transport failure is the error value.
    /// </summary>
    /// <param name="request">The request; its path must start with <c>/0/public/</c> or <c>/0/private/</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The path is not a Spot method path, or a private body is not a form or a JSON object.</exception>
    public async Task<KrakenResult<RelayedAnswer>> RelayAsync(RelayRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signed = request.Path.StartsWith(PrivatePrefix, StringComparison.Ordinal);
        if (!signed && !request.Path.StartsWith(PublicPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{request.Path}' is not a Spot method path.", nameof(request));
        }

        var method = request.Path[(signed ? PrivatePrefix : PublicPrefix).Length..];
        ValidateMethod(method);
        var uri = new Uri(BaseUrl, request.Path.TrimStart('/') + (request.Query.Length > 0 ? "?" + request.Query : string.Empty));
        var parameters = signed
            ? SpotRequestBody.Parameters(request.Body.Span, request.ContentType) ?? throw new ArgumentException("The body is not a JSON object.", nameof(request))
            : [];
        var (limiter, cost) = signed ? LimiterFor(method, parameters) : (null, 0m);
        var placedAt = _time.GetUtcNow();
        HttpAnswer? answer = null;
        var result = await _pipeline.SendAsync(
            method,
            nonce => signed ? BuildRelayed(uri, request, nonce!.Value) : BuildPublicRelayed(uri, request),
            a =>
            {
                answer = a;
                return Envelope.ReadSpot(a);
            },
            limiter,
            cost,
            signed,
            safeToRepeat: false,
            cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return result.Error!;
        }

        if (result.Success && method == AddOrderMethod)
        {
            TrackRelayedPlacement(parameters, result.Value, placedAt);
        }

        return KrakenResult<RelayedAnswer>.Ok(new RelayedAnswer(answer));
    }

    private HttpRequestMessage BuildRelayed(Uri uri, RelayRequest relayed, long nonce)
    {
        var bytes = SpotRequestBody.WithNonce(relayed.Body.Span, relayed.ContentType, nonce);
        var key = _pipeline.Key!;
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(SpotRequestBody.IsJson(relayed.ContentType) ? "application/json" : "application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation("API-Key", key.Credentials.ApiKey);
        request.Headers.TryAddWithoutValidation("API-Sign", SpotSigner.Sign(key.Credentials, relayed.Path, nonce, bytes));
        return request;
    }

    private static HttpRequestMessage BuildPublicRelayed(Uri uri, RelayRequest relayed)
    {
        var request = new HttpRequestMessage(relayed.Verb, uri);
        if (!relayed.Body.IsEmpty)
        {
            request.Content = new ByteArrayContent(relayed.Body.ToArray());
            if (relayed.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var parsed))
            {
                request.Content.Headers.ContentType = parsed;
            }
        }

        return request;
    }

    // A relayed order is tracked like one placed here, so cancelling it later is charged by its age.
    private void TrackRelayedPlacement(List<KeyValuePair<string, string>> parameters, JsonElement result, DateTimeOffset placedAt)
    {
        if (parameters.FirstOrDefault(p => p.Key == "pair").Value is not { Length: > 0 } pair
            || !result.TryGetProperty("txid", out var txids) || txids.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var ids = txids.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
        if (ids.Count > 0)
        {
            var clientOrderId = parameters.FirstOrDefault(p => p.Key == OrderWire.ClientOrderIdField).Value is { Length: > 0 } given ? given : ids[0];
            TrackPlacement(pair, ids, clientOrderId, placedAt);
        }
    }
}
