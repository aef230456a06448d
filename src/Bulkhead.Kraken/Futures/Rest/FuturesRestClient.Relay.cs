using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Transport;

namespace Bulkhead.Kraken.Futures.Rest;

public sealed partial class FuturesRestClient
{
    /// <summary>
    /// Sends a request another client made: public endpoints as they came; private ones (<paramref name="authenticated"/>)
    /// through this client's pipeline (lockout guard, rate limiters, a <c>Nonce</c> from the key's source, this key's
    /// <c>APIKey</c>/<c>Authent</c> over the same query and body bytes, the call journal). Returns the exchange's answer byte
    /// for byte; sent once, never retried. A local refusal or a transport failure is the error value.
    /// </summary>
    /// <param name="request">The request; its path is absolute (<c>/derivatives/api/v3/…</c>, <c>/api/history/…</c>).</param>
    /// <param name="authenticated">Sign it with this client's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<KrakenResult<RelayedAnswer>> RelayAsync(RelayRequest request, bool authenticated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Path.StartsWith('/') || request.Path.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{request.Path}' is not an absolute endpoint path.", nameof(request));
        }

        var uri = new Uri(BaseUrl, request.Path.TrimStart('/') + (request.Query.Length > 0 ? "?" + request.Query : string.Empty));
        var endpoint = FuturesEndpointName(request.Path);
        var body = request.Body.ToArray();
        var parameters = Pairs(request.Query).Concat(Pairs(Encoding.UTF8.GetString(body))).ToList();
        var (limiter, cost) = LimiterFor(request.Verb, endpoint, request.Path, parameters, authenticated);
        HttpAnswer? answer = null;
        var result = await _pipeline.SendAsync(
            $"{request.Verb.Method} {endpoint}",
            nonce => BuildRelayed(uri, request, body, authenticated ? nonce : null),
            a =>
            {
                answer = a;
                return Envelope.ReadFutures(a);
            },
            limiter,
            cost,
            authenticated,
            safeToRepeat: false,
            cancellationToken).ConfigureAwait(false);
        return answer is null ? result.Error! : KrakenResult<RelayedAnswer>.Ok(new RelayedAnswer(answer));
    }

    private HttpRequestMessage BuildRelayed(Uri uri, RelayRequest relayed, byte[] body, long? nonce)
    {
        var request = new HttpRequestMessage(relayed.Verb, uri);
        if (body.Length > 0 || relayed.Verb == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = relayed.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var parsed)
                ? parsed
                : new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (nonce is { } n)
        {
            var key = _pipeline.Key!;
            var nonceText = n.ToString(CultureInfo.InvariantCulture);
            request.Headers.TryAddWithoutValidation("APIKey", key.Credentials.ApiKey);
            request.Headers.TryAddWithoutValidation("Nonce", nonceText);
            request.Headers.TryAddWithoutValidation("Authent", FuturesSigner.Sign(key.Credentials, relayed.Query + Encoding.UTF8.GetString(body), nonceText, relayed.Path));
        }

        return request;
    }

    // The parameters of a query or form, for the rate cost (batch size, count, lastFillTime).
    private static IEnumerable<KeyValuePair<string, string>> Pairs(string form)
    {
        foreach (var raw in form.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? raw : raw[..equals];
            var value = equals < 0 ? string.Empty : raw[(equals + 1)..];
            yield return new(Unescape(name), Unescape(value));
        }
    }

    private static string Unescape(string text)
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
