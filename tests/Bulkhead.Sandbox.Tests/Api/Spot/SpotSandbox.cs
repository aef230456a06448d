using Shouldly;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Faults;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Testing.Nonces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bulkhead.Sandbox.Tests.Api.Spot;

/// <summary>A real sandbox on 127.0.0.1 (ephemeral port, fake clock, in-memory store) plus signed raw and typed clients.</summary>
public sealed class SpotSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _nonce = 1_700_000_000_000;

    private SpotSandbox(WebApplication app, Uri baseUrl, FakeTimeProvider time)
    {
        _app = app;
        BaseUrl = baseUrl;
        Time = time;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public SandboxExchange Exchange => _app.Services.GetRequiredService<SandboxExchange>();

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public SandboxAuthenticator Authenticator => _app.Services.GetRequiredService<SandboxAuthenticator>();

    public IKeyActivity Activity => _app.Services.GetRequiredService<IKeyActivity>();

    public FaultSettings Faults => _app.Services.GetRequiredService<FaultSettings>();

    public InFlightLimit InFlight => _app.Services.GetRequiredService<InFlightLimit>();

    public static async Task<SpotSandbox> StartAsync(SandboxOptions? options = null, Bulkhead.Sandbox.Storage.ISandboxStore? store = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        var app = SandboxHost.Build(options ?? new SandboxOptions { InMemory = store is null }, "http://127.0.0.1:0", time, store);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SpotSandbox(app, new Uri(address.TrimEnd('/') + "/"), time);
    }

    public long NextNonce() => Interlocked.Increment(ref _nonce);

    public string Master(string name, decimal usd = 0m)
    {
        Exchange.CreateAccount(name, null).Success.ShouldBeTrue();
        if (usd > 0)
        {
            Exchange.Deposit(name, Wallet.Spot, "ZUSD", usd).Success.ShouldBeTrue();
        }

        return name;
    }

    public string Sub(string name, string master)
    {
        Exchange.CreateAccount(name, master).Success.ShouldBeTrue();
        return name;
    }

    public TestKey Key(string account, SpotPermission permissions = (SpotPermission)0x3FF, long nonceWindow = 0, IReadOnlyList<string>? ipAllowlist = null, DateTimeOffset? expiresAt = null)
    {
        var created = Exchange.CreateKey(new KeySpec(account, KeyVenue.Spot, permissions, FuturesAccess.None, false, nonceWindow, ipAllowlist ?? [], expiresAt, null, null));
        created.Success.ShouldBeTrue(created.Detail);
        return new TestKey(created.Value.Key.Key, created.Value.SecretBase64);
    }

    /// <summary>A signed form POST: body <c>nonce=N&amp;…</c>.</summary>
    public Task<Answer> PrivateAsync(TestKey key, string method, string parameters = "", long? nonce = null, string? contentType = "application/x-www-form-urlencoded", string? signOverride = null)
    {
        var n = nonce ?? NextNonce();
        var body = "nonce=" + n.ToString(CultureInfo.InvariantCulture) + (parameters.Length > 0 ? "&" + parameters : string.Empty);
        return SendAsync(key, method, Encoding.UTF8.GetBytes(body), n, contentType, signOverride);
    }

    /// <summary>The raw bytes of a signed form POST (for <see cref="RawConnection"/>: sent in parts, it stays in flight).</summary>
    public byte[] RawPrivateRequest(TestKey key, string method, string parameters = "")
    {
        var nonce = NextNonce();
        var body = Encoding.UTF8.GetBytes("nonce=" + nonce.ToString(CultureInfo.InvariantCulture) + (parameters.Length > 0 ? "&" + parameters : string.Empty));
        var path = "/0/private/" + method;
        var sign = SpotSigner.Sign(KrakenCredentials.Create(key.ApiKey, key.Secret), path, nonce, body);
        return RawConnection.Request(
            $"POST {path} HTTP/1.1",
            ["Host: 127.0.0.1", "API-Key: " + key.ApiKey, "API-Sign: " + sign, "Content-Type: application/x-www-form-urlencoded", "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture)],
            body);
    }

    public Task<Answer> SendAsync(TestKey key, string method, byte[] body, long nonceForSignature, string? contentType, string? signOverride = null)
    {
        var path = "/0/private/" + method;
        var sign = signOverride ?? SpotSigner.Sign(KrakenCredentials.Create(key.ApiKey, key.Secret), path, nonceForSignature, body);
        return RawAsync(HttpMethod.Post, path, body, contentType, [("API-Key", key.ApiKey), ("API-Sign", sign)]);
    }

    public async Task<Answer> RawAsync(HttpMethod verb, string path, byte[]? body, string? contentType, IEnumerable<(string Name, string Value)> headers)
    {
        using var request = new HttpRequestMessage(verb, path.TrimStart('/'));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = null;
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text);
    }

    /// <summary>An admin API call with the sandbox's admin token; <paramref name="json"/> is the body, if any.</summary>
    public Task<Answer> AdminAsync(HttpMethod verb, string path, string? json = null) =>
        RawAsync(verb, path, json is null ? null : Encoding.UTF8.GetBytes(json), json is null ? null : "application/json",
            [("Authorization", "Bearer " + Service<Bulkhead.Sandbox.Api.Admin.AdminToken>().Value)]);

    public SpotClient Client(TestKey? key = null)
    {
        var options = new KrakenClientOptions { BaseUrl = BaseUrl, RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 0 };
        KrakenKey? krakenKey = null;
        if (key is not null)
        {
            var credentials = KrakenCredentials.Create(key.ApiKey, key.Secret);
            krakenKey = new KrakenKey(credentials, new CountingNonceSource(Interlocked.Add(ref _nonce, 1_000_000) - 1_000_000), new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), Time));
        }

        return new SpotClient(Http, options, Time, krakenKey);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record TestKey(string ApiKey, string Secret);

public sealed record Answer(HttpStatusCode Status, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Error => Json.GetProperty("error").GetArrayLength() > 0 ? Json.GetProperty("error")[0].GetString() : null;

    public JsonElement Result => Json.GetProperty("result");

    public void ShouldFailWith(string error)
    {
        Status.ShouldBe(HttpStatusCode.OK, Body);
        Body.ShouldStartWith("{");
        Error.ShouldBe(error, Body);
        Json.TryGetProperty("result", out _).ShouldBeFalse(Body);
    }

    public JsonElement ShouldSucceed()
    {
        Status.ShouldBe(HttpStatusCode.OK, Body);
        Body.ShouldStartWith("{\"error\":[]");
        return Result;
    }
}
