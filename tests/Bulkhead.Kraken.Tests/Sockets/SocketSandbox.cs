using System.Collections.Concurrent;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Journal;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Tokens;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Market;
using Bulkhead.Testing.Nonces;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>
/// A real sandbox on 127.0.0.1 (ephemeral port, in-memory store, its own fake clock; the market optional and stepped by
/// hand), accounts provisioned through the exchange, and Bulkhead's clients against it: a <see cref="SpotClient"/> per key
/// (its REST calls take the key's guard, nonce source and journal), token sources on it, and socket clients on any of the
/// four WebSocket endpoints. Socket clients run on the real clock unless a test gives them another.
/// </summary>
internal sealed class SocketSandbox : IAsyncDisposable
{
    public const string SpotSymbol = "BTC/USD";
    public const string SpotPair = "XXBTZUSD";
    public const string Perpetual = "PF_XBTUSD";
    private const string AdminToken = "socket-tests-admin-token";

    private readonly WebApplication _app;
    private readonly List<IAsyncDisposable> _owned = [];
    private long _nonce = 1_800_000_000_000;

    private SocketSandbox(WebApplication app, FakeTimeProvider time)
    {
        _app = app;
        Time = time;
        BaseUrl = new Uri(app.BoundUrls()[0].TrimEnd('/') + "/");
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    /// <summary>The sandbox's clock (tokens, dead man's switches, heartbeats, the market's steps).</summary>
    public FakeTimeProvider Time { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public SandboxExchange Exchange => _app.GetExchange();

    public SandboxMarket Market => _app.GetMarket() ?? throw new InvalidOperationException("the market is off");

    /// <summary>Every signed REST call the test's Spot clients made (by key name).</summary>
    public RecordingJournal Journal { get; } = new();

    public static async Task<SocketSandbox> StartAsync(bool market = false, long seed = 7, int depthLevels = 30, Action<SandboxOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var options = new SandboxOptions
        {
            InMemory = true,
            AdminToken = AdminToken,
            Market = new MarketOptions { Enabled = market, Seed = seed, TickInterval = TimeSpan.FromHours(1), DepthLevels = depthLevels },
        };
        configure?.Invoke(options);
        var app = SandboxHost.Build(options, "http://127.0.0.1:0", time);
        await app.StartAsync();
        var sandbox = new SocketSandbox(app, time);
        sandbox.Exchange.UpdateMarkPrice(Perpetual, 100_000m);
        return sandbox;
    }

    /// <summary>Moves the market: one second of the sandbox's clock and one market tick per step.</summary>
    public void Step(int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            Market.Tick();
        }
    }

    /// <summary>Sets socket faults through the admin API (<c>POST /admin/faults</c>), e.g. <c>{"dropSockets":true}</c>.</summary>
    public async Task FaultsAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/faults") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Creates an account with USD (and BTC) in its Spot wallet and USD collateral in its Futures flex wallet.</summary>
    public string Account(string name, decimal usd = 1_000_000m, decimal btc = 10m, decimal flexUsd = 1_000_000m, string? master = null)
    {
        Exchange.CreateAccount(name, master).Success.ShouldBeTrue();
        if (usd > 0m)
        {
            Exchange.Deposit(name, Wallet.Spot, "ZUSD", usd).Success.ShouldBeTrue();
        }

        if (btc > 0m)
        {
            Exchange.Deposit(name, Wallet.Spot, "XXBT", btc).Success.ShouldBeTrue();
        }

        if (flexUsd > 0m)
        {
            Exchange.Deposit(name, Wallet.FuturesFlex, "ZUSD", flexUsd).Success.ShouldBeTrue();
        }

        return name;
    }

    /// <summary>A Spot client on a new key of <paramref name="account"/> (named after it), every permission by default.</summary>
    public SpotClient SpotClient(string account, SpotPermission permissions = (SpotPermission)0x3FF)
    {
        var created = Exchange.CreateKey(new KeySpec(account, KeyVenue.Spot, permissions, FuturesAccess.None, false, 0, [], null, null, null));
        created.Success.ShouldBeTrue(created.Detail);
        var credentials = KrakenCredentials.Create(created.Value.Key.Key, created.Value.SecretBase64);
        var key = new KrakenKey(credentials, new CountingNonceSource(Interlocked.Add(ref _nonce, 1_000_000_000)), new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), Time))
        {
            Name = account,
        };
        var options = new KrakenClientOptions { BaseUrl = BaseUrl, MaxRetries = 0, RetryBaseDelay = TimeSpan.Zero, CallJournal = Journal };
        return new SpotClient(Http, options, Time, key);
    }

    /// <summary>Tokens of a new key of <paramref name="account"/>, on the sandbox's clock (the clock tokens lapse on).</summary>
    public SpotSocketTokens Tokens(string account)
    {
        var tokens = new SpotSocketTokens(SpotClient(account), Time);
        _owned.Add(new Disposer(tokens.Dispose));
        return tokens;
    }

    /// <summary>Options for a client on one of the four endpoints, with test-friendly reconnect delays.</summary>
    public KrakenSocketOptions Options(SocketProtocol protocol, bool isPrivate, ICallJournal? journal = null, Uri? via = null) => new()
    {
        Endpoint = KrakenSocketEndpoint.OnServer(via ?? BaseUrl, protocol, isPrivate),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        OrderLookupDelay = TimeSpan.FromMilliseconds(50),
        CallJournal = journal,
    };

    /// <summary>A connected client (disposed with the sandbox), straight or <paramref name="via"/> a proxy.</summary>
    public async Task<KrakenSocketClient> ConnectAsync(SocketProtocol protocol, bool isPrivate, ISocketTokenSource? tokens = null, Action<KrakenSocketOptions>? configure = null, TimeProvider? time = null, Uri? via = null)
    {
        var options = Options(protocol, isPrivate, via: via);
        configure?.Invoke(options);
        var client = new KrakenSocketClient(options, time ?? TimeProvider.System, tokens);
        _owned.Add(client);
        (await client.ConnectAsync(TestContext.Current.CancellationToken)).Success.ShouldBeTrue();
        return client;
    }

    /// <summary>A proxy in front of the sandbox (disposed with it, after the clients).</summary>
    public SocketProxy Proxy()
    {
        var proxy = new SocketProxy(BaseUrl);
        _owned.Insert(0, proxy);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A call journal that keeps every record (thread-safe).</summary>
internal sealed class RecordingJournal : ICallJournal
{
    private readonly ConcurrentQueue<KrakenCallRecord> _records = new();

    public IReadOnlyList<KrakenCallRecord> Records => [.. _records];

    public void Record(KrakenCallRecord record) => _records.Enqueue(record);

    public int Count(string endpoint) => _records.Count(r => r.Endpoint == endpoint);
}
