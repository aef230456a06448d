using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Kraken.Venues;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Testing.Nonces;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace Bulkhead.Testing.Venues;

/// <summary>
/// A real sandbox on loopback (in-memory store, no simulated market, fake clock) and accounts opened on it as
/// <see cref="IAccountVenue"/> through either REST transport: <see cref="SpotVenue"/> or <see cref="FuturesRestClient"/>.
/// </summary>
public sealed class VenueSandbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();
    private long _nonce = 1_000_000;

    private VenueSandbox(WebApplication app, Uri baseUrl, FakeTimeProvider time)
    {
        _app = app;
        BaseUrl = baseUrl;
        Time = time;
    }

    public Uri BaseUrl { get; }

    public FakeTimeProvider Time { get; }

    public SandboxExchange Exchange => _app.GetExchange();

    public static async Task<VenueSandbox> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var app = SandboxHost.Build(new SandboxOptions { InMemory = true, Market = new Sandbox.Market.MarketOptions { Enabled = false } }, "http://127.0.0.1:0", time);
        await app.StartAsync();
        var sandbox = new VenueSandbox(app, new Uri(app.BoundUrls()[0].TrimEnd('/') + "/"), time);
        sandbox.Exchange.UpdateMarkPrice("PF_XBTUSD", 100_000m);
        return sandbox;
    }

    /// <summary>Creates <paramref name="account"/>, deposits <paramref name="deposits"/> into <paramref name="wallet"/>, and opens it with a full-permission key of <paramref name="venue"/>.</summary>
    public IAccountVenue Open(string account, KeyVenue venue, Wallet wallet, params (string Asset, decimal Amount)[] deposits) =>
        Open(account, null, venue, wallet, deposits);

    /// <summary>The same, for a subaccount of <paramref name="master"/> (null: a master account).</summary>
    public IAccountVenue Open(string account, string? master, KeyVenue venue, Wallet wallet, params (string Asset, decimal Amount)[] deposits)
    {
        Require(Exchange.CreateAccount(account, master).Success, $"create account {account}");
        foreach (var (asset, amount) in deposits)
        {
            Require(Exchange.Deposit(account, wallet, asset, amount).Success, $"deposit {amount} {asset} into {account}");
        }

        return venue == KeyVenue.Spot ? new SpotVenue(SpotClient(account)) : FuturesClient(account);
    }

    /// <summary>A Spot client with a new full-permission Spot key of the existing <paramref name="account"/>.</summary>
    public SpotClient SpotClient(string account) => new(_http, Options, Time, Key(account, KeyVenue.Spot));

    /// <summary>A Futures REST client with a new full-access Futures key of the existing <paramref name="account"/>.</summary>
    public FuturesRestClient FuturesClient(string account) => new(_http, Options, Time, Key(account, KeyVenue.Futures));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private KrakenClientOptions Options => new() { BaseUrl = BaseUrl, MaxRetries = 0, RetryBaseDelay = TimeSpan.Zero };

    private KrakenKey Key(string account, KeyVenue venue)
    {
        var spec = venue == KeyVenue.Spot
            ? new KeySpec(account, KeyVenue.Spot, Enum.GetValues<SpotPermission>().Aggregate(SpotPermission.None, (all, p) => all | p), FuturesAccess.None, false, 0, [], null, null, null)
            : new KeySpec(account, KeyVenue.Futures, SpotPermission.None, FuturesAccess.Full, false, 0, [], null, null, null);
        var created = Exchange.CreateKey(spec);
        if (!created.Success || created.Value is not { } made)
        {
            throw new InvalidOperationException($"the sandbox refused to create a key on {account}: {created.Detail}");
        }

        var credentials = KrakenCredentials.Create(made.Key.Key, made.SecretBase64);
        return new KrakenKey(credentials, new CountingNonceSource(Interlocked.Add(ref _nonce, 1_000_000)), new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), Time));
    }

    private static void Require(bool done, string what)
    {
        if (!done)
        {
            throw new InvalidOperationException($"the sandbox refused to {what}");
        }
    }
}
