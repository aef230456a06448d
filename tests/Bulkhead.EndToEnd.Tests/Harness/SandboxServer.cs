using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Harness;

/// <summary>
/// A sandbox hosted in-process on real Kestrel at 127.0.0.1 (ephemeral port) with a fake clock, so lockout expiry,
/// key expiry and rate-limit recovery are driven by the test. Provisioning goes through the admin API over HTTP.
/// </summary>
internal sealed class SandboxServer : IAsyncDisposable
{
    /// <summary>The fake clock's start: a fixed instant, so <c>Time</c> answers are known.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public const string AdminToken = "e2e-admin-token-0123456789";

    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, FakeTimeProvider time, Uri baseUrl)
    {
        _app = app;
        Time = time;
        BaseUrl = baseUrl;
        Admin = new AdminClient(baseUrl, AdminToken);
    }

    public FakeTimeProvider Time { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>, no trailing slash.</summary>
    public Uri BaseUrl { get; }

    public AdminClient Admin { get; }

    /// <summary>The sandbox's domain, to check state behind the client's view.</summary>
    public SandboxExchange Exchange => _app.Services.GetRequiredService<SandboxExchange>();

    public static async Task<SandboxServer> StartAsync(Action<SandboxOptions>? configure = null, ISandboxStore? store = null)
    {
        var time = new FakeTimeProvider(Start);
        var options = new SandboxOptions { InMemory = store is null, AdminToken = AdminToken };
        configure?.Invoke(options);
        var app = SandboxHost.Build(options, "http://127.0.0.1:0", time, store);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, time, new Uri(address.TrimEnd('/')));
    }

    /// <summary>Runs one client's steps against this sandbox.</summary>
    public Task<IReadOnlyList<StepOutcome>> RunAsync(string client, ApiKeyPair? key, params ClientStep[] steps) =>
        NodeClient.RunAsync(new ClientSpec(client, BaseUrl, key?.Key, key?.Secret, steps), TestContext.Current.CancellationToken);

    /// <summary>Runs ccxt with options (e.g. <c>enableRateLimit=false</c>).</summary>
    public Task<IReadOnlyList<StepOutcome>> RunAsync(string client, ApiKeyPair? key, IReadOnlyDictionary<string, object> options, params ClientStep[] steps) =>
        NodeClient.RunAsync(new ClientSpec(client, BaseUrl, key?.Key, key?.Secret, steps, options), TestContext.Current.CancellationToken);

    /// <summary>The invariant: per asset, the sum over all accounts changed only by external deposits and withdrawals.</summary>
    public void ShouldConserveTotals()
    {
        var totals = Exchange.TotalsByAsset();
        var flows = Exchange.NetExternalFlows();
        foreach (var asset in totals.Keys.Union(flows.Keys))
        {
            totals.GetValueOrDefault(asset).ShouldBe(flows.GetValueOrDefault(asset), $"conservation of {asset}");
        }
    }

    /// <summary>The authentication pipeline's view of a key (the admin stats route reads the same).</summary>
    public KeyStats KeyStats(string key) => _app.Services.GetRequiredService<IKeyActivity>().Stats(key);

    public decimal Balance(string account, string asset, Wallet wallet = Wallet.Spot) =>
        Exchange.Balances(account, wallet).GetValueOrDefault(asset);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
