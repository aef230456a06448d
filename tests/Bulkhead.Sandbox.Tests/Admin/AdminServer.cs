using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace Bulkhead.Sandbox.Tests.Admin;

/// <summary>A sandbox on a loopback port (SandboxHost.Build, fake clock), and a raw HTTP client for its admin API.</summary>
internal sealed class AdminServer : IAsyncDisposable
{
    public const string Token = "test-admin-token";

    private readonly HttpClient _http;

    private AdminServer(WebApplication app, FakeTimeProvider time, Uri baseUrl)
    {
        App = app;
        Time = time;
        BaseUrl = baseUrl;
        _http = new HttpClient { BaseAddress = baseUrl };
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public Uri BaseUrl { get; }

    public SandboxExchange Exchange => App.GetExchange();

    public static async Task<AdminServer> StartAsync(SandboxOptions? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var app = SandboxHost.Build(options ?? new SandboxOptions { InMemory = true, AdminToken = Token }, "http://127.0.0.1:0", time);
        await app.StartAsync();
        return new AdminServer(app, time, new Uri(app.BoundUrls()[0]));
    }

    public Task<Answer> GetAsync(string path, string? token = Token) => SendAsync(HttpMethod.Get, path, null, token);

    public Task<Answer> PostAsync(string path, object body, string? token = Token) => SendAsync(HttpMethod.Post, path, JsonSerializer.Serialize(body), token);

    public Task<Answer> PostRawAsync(string path, string body, string? token = Token) => SendAsync(HttpMethod.Post, path, body, token);

    public Task<Answer> PutAsync(string path, object body, string? token = Token) => SendAsync(HttpMethod.Put, path, JsonSerializer.Serialize(body), token);

    public Task<Answer> DeleteAsync(string path, string? token = Token) => SendAsync(HttpMethod.Delete, path, null, token);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, TestContextToken);
        var text = await response.Content.ReadAsStringAsync(TestContextToken);
        return new Answer(response.StatusCode, text, response.Content.Headers.ContentType?.MediaType);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static CancellationToken TestContextToken => Xunit.TestContext.Current.CancellationToken;
}

/// <summary>One HTTP answer.</summary>
internal sealed record Answer(HttpStatusCode Status, string Text, string? MediaType)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public string Error => Json.GetProperty("error").GetString()!;
}
