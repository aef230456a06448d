using Shouldly;
using System.Net;
using System.Text;
using System.Text.Json;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Testing.FakeKraken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

/// <summary>
/// A real sandbox on loopback (in-memory store, fake clock), provisioned through <see cref="SandboxExchange"/> directly,
/// with Bulkhead's <see cref="FuturesRestClient"/> and raw ccxt-style requests (parameters in the query, empty body,
/// no <c>Nonce</c> header) against it.
/// </summary>
internal sealed class FuturesSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private FuturesSandbox(WebApplication app, Uri baseUrl, FakeTimeProvider time)
    {
        _app = app;
        BaseUrl = baseUrl;
        Time = time;
    }

    public Uri BaseUrl { get; }

    public FakeTimeProvider Time { get; }

    public SandboxExchange Exchange => _app.Services.GetRequiredService<SandboxExchange>();

    public static async Task<FuturesSandbox> StartAsync(SandboxOptions? options = null, Bulkhead.Sandbox.Storage.ISandboxStore? store = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var app = SandboxHost.Build(options ?? new SandboxOptions { InMemory = store is null }, "http://127.0.0.1:0", time, store);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FuturesSandbox(app, new Uri(address.TrimEnd('/') + "/"), time);
    }

    public void Account(string name, string? master = null) => Exchange.CreateAccount(name, master).Success.ShouldBeTrue();

    public CreatedKey Key(string account, FuturesAccess access = FuturesAccess.Full, bool withdraw = false, long nonceWindow = 0)
    {
        var created = Exchange.CreateKey(new KeySpec(account, KeyVenue.Futures, SpotPermission.None, access, withdraw, nonceWindow, [], null, null, null));
        created.Success.ShouldBeTrue(created.Detail);
        return created.Value;
    }

    public void Deposit(string account, Wallet wallet, string asset, decimal amount) =>
        Exchange.Deposit(account, wallet, asset, amount).Success.ShouldBeTrue();

    public decimal Balance(string account, Wallet wallet, string asset) =>
        Exchange.Balances(account, wallet).GetValueOrDefault(asset);

    public FuturesRestClient Client(CreatedKey key, bool sendNonce = true)
    {
        var credentials = KrakenCredentials.Create(key.Key.Key, key.SecretBase64);
        var guard = new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions { MaxAuthenticationFailures = 100 }, Time);
        var options = new KrakenClientOptions { BaseUrl = BaseUrl, MaxRetries = 0, RetryBaseDelay = TimeSpan.Zero };
        return new FuturesRestClient(_http, options, Time, new KrakenKey(credentials, new FuturesTestNonceSource(), guard)) { SendNonce = sendNonce };
    }

    public FuturesRestClient PublicClient() =>
        new(_http, new KrakenClientOptions { BaseUrl = BaseUrl, MaxRetries = 0, RetryBaseDelay = TimeSpan.Zero }, Time);

    /// <summary>
    /// A raw request as ccxt sends it: parameters URL-encoded in the query (GET and POST alike), empty body, signed over
    /// <c>query + path-without-/derivatives</c>; or, with <paramref name="body"/>, a form body as Kraken.Net sends it.
    /// </summary>
    public async Task<RawAnswer> RawAsync(HttpMethod method, string path, string query = "", CreatedKey? key = null, string? nonce = null, string body = "", string? secretOverride = null, string? signedQuery = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl, path.TrimStart('/') + (query.Length > 0 ? "?" + query : string.Empty)));
        if (method == HttpMethod.Post || body.Length > 0)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        if (key is not null)
        {
            var credentials = KrakenCredentials.Create(key.Key.Key, secretOverride ?? key.SecretBase64);
            request.Headers.TryAddWithoutValidation("APIKey", key.Key.Key);
            request.Headers.TryAddWithoutValidation("Authent", FuturesSigner.Sign(credentials, (signedQuery ?? query) + body, nonce ?? string.Empty, path));
            if (nonce is not null)
            {
                request.Headers.TryAddWithoutValidation("Nonce", nonce);
            }
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new RawAnswer(response.StatusCode, text, response.Headers);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record RawAnswer(HttpStatusCode Status, string Body, System.Net.Http.Headers.HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Error => Json.TryGetProperty("error", out var e) ? e.GetString() : null;

    public string? Result => Json.TryGetProperty("result", out var r) ? r.GetString() : null;
}
