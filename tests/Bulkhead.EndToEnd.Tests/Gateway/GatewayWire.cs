using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.EndToEnd.Tests.Gateway;

/// <summary>Raw signed HTTP calls (no client library), to compare the bytes a gateway returns with the sandbox's.</summary>
internal static class GatewayWire
{
    public sealed record Answer(int Status, string? ContentType, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    public static async Task<Answer> SpotPrivateAsync(Uri baseUrl, string apiKey, string secret, string method, long nonce, string parameters = "")
    {
        var credentials = KrakenCredentials.Create(apiKey, secret);
        var path = "/0/private/" + method;
        var body = Encoding.UTF8.GetBytes("nonce=" + nonce.ToString(CultureInfo.InvariantCulture) + (parameters.Length > 0 ? "&" + parameters : string.Empty));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.TryAddWithoutValidation("API-Key", apiKey);
        request.Headers.TryAddWithoutValidation("API-Sign", SpotSigner.Sign(credentials, path, nonce, body));
        return await SendAsync(request);
    }

    public static async Task<Answer> FuturesPrivateAsync(Uri baseUrl, string apiKey, string secret, HttpMethod verb, string path, string parameters = "")
    {
        var credentials = KrakenCredentials.Create(apiKey, secret);
        var inBody = verb == HttpMethod.Post;
        var query = inBody ? string.Empty : parameters;
        var body = inBody ? parameters : string.Empty;
        using var request = new HttpRequestMessage(verb, new Uri(baseUrl, path + (query.Length > 0 ? "?" + query : string.Empty)));
        if (inBody)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        request.Headers.TryAddWithoutValidation("APIKey", apiKey);
        request.Headers.TryAddWithoutValidation("Authent", FuturesSigner.Sign(credentials, query + body, string.Empty, path));
        return await SendAsync(request);
    }

    public static async Task<Answer> GetAsync(Uri baseUrl, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, pathAndQuery));
        return await SendAsync(request);
    }

    private static async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.SendAsync(request, Xunit.TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(Xunit.TestContext.Current.CancellationToken);
        var type = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : null;
        return new Answer((int)response.StatusCode, type, body);
    }
}
