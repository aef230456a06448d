using System.Globalization;
using System.Net;
using System.Text;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Benchmarks.Sandbox;

/// <summary>One signed Spot REST POST of a benchmark: next nonce, <c>API-Sign</c>, and a wrong answer fails the run.</summary>
internal static class SignedSpotCall
{
    /// <summary>POSTs <c>nonce=N</c> + <paramref name="parameters"/> to <paramref name="path"/>; answers the body of a successful answer, else throws.</summary>
    public static async Task<string> SendAsync(HttpClient http, Uri baseUrl, Worker worker, string path, string parameters = "")
    {
        var nonce = worker.Nonces.Next();
        var body = Encoding.ASCII.GetBytes("nonce=" + nonce.ToString(CultureInfo.InvariantCulture) + parameters);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("API-Key", worker.Credentials.ApiKey);
        request.Headers.Add("API-Sign", SpotSigner.Sign(worker.Credentials, path, nonce, body));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !text.StartsWith("""{"error":[],"result":{""", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }
}
