using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Bulkhead.Cli.Commands;

/// <summary>Calls the sandbox's admin API over HTTP and prints the answer: JSON on stdout (exit 0) or the error on stderr (exit 1).</summary>
internal sealed class SandboxAdminClient
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CliEnvironment _environment;
    private readonly Uri _baseUrl;
    private readonly string _token;

    private SandboxAdminClient(CliEnvironment environment, Uri baseUrl, string token)
    {
        _environment = environment;
        _baseUrl = baseUrl;
        _token = token;
    }

    /// <summary>
    /// The admin URL and token: <c>--url</c> (default http://127.0.0.1:5080); the token from <c>--admin-token</c>, else
    /// <c>BULKHEAD_ADMIN_TOKEN</c>, else the file <c>DATA/admin.token</c> (DATA: <c>--data</c>, else BULKHEAD_HOME/sandbox or ~/.bulkhead/sandbox).
    /// </summary>
    public static SandboxAdminClient? TryCreate(CliEnvironment environment, string? url, string? token, string? data, out string? problem)
    {
        problem = null;
        url ??= "http://127.0.0.1:5080";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"--url '{url}' is not an absolute http:// or https:// URL";
            return null;
        }

        token ??= environment.GetVariable("BULKHEAD_ADMIN_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
        {
            var file = Path.Combine(data ?? Path.Combine(environment.DataFolder(null), "sandbox"), "admin.token");
            if (!File.Exists(file))
            {
                problem = $"no admin token: pass --admin-token, set BULKHEAD_ADMIN_TOKEN, or point --data at the sandbox's data folder ({file} does not exist)";
                return null;
            }

            token = File.ReadAllText(file).Trim();
        }

        return new SandboxAdminClient(environment, baseUrl, token.Trim());
    }

    public Task<int> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<int> PostAsync(string path, object body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<int> DeleteAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    private async Task<int> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = _baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        string text;
        int status;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException e)
        {
            await _environment.Error.WriteLineAsync($"bulkhead: cannot reach the sandbox at {_baseUrl}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.CallFailed;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await _environment.Error.WriteLineAsync($"bulkhead: the sandbox at {_baseUrl} did not answer in time").ConfigureAwait(false);
            return ExitCodes.CallFailed;
        }

        JsonElement? json = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON: printed as text below.
        }

        if (status is >= 200 and < 300)
        {
            await _environment.Out.WriteLineAsync(json is { } ok ? JsonSerializer.Serialize(ok, Indented) : text).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        var error = json is { ValueKind: JsonValueKind.Object } e2 && e2.TryGetProperty("error", out var message) ? message.GetString() : text;
        await _environment.Error.WriteLineAsync($"bulkhead: the sandbox refused ({status}): {error}").ConfigureAwait(false);
        return ExitCodes.CallFailed;
    }
}
