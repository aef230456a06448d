using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bulkhead.Cli.Tests;
using Bulkhead.Cli.Tests.Fleet;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>
/// A sandbox in this test process on real Kestrel and the REAL clock, its market on (so orders fill and the dead man's
/// switch fires on time), examples/fleet.toml in a temp folder pointed at it and provisioned by the real CLI
/// (<c>bulkhead sandbox provision</c>). The fleet itself runs as real processes (<c>bulkhead run</c> → workers); the test
/// reads the exchange's domain directly (orders' open/close times, per-key auth stats) and the supervisor's
/// <c>/api/status</c>.
/// </summary>
internal sealed class LiveFleet : IAsyncDisposable
{
    public const string AdminToken = "fleet-e2e-admin-token-0123456789";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private LiveFleet(WebApplication app, string folder)
    {
        App = app;
        Folder = folder;
    }

    public WebApplication App { get; }

    public SandboxExchange Exchange => App.GetExchange();

    public string Folder { get; }

    public string Manifest => Path.Combine(Folder, "fleet.toml");

    /// <summary>What every CLI child gets: the admin token, an isolated home, the folder's own secrets key file.</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public static async Task<LiveFleet> StartAsync(Func<string, string>? edit = null)
    {
        var app = SandboxHost.Build(new SandboxOptions { InMemory = true, AdminToken = AdminToken, Market = new MarketOptions { Enabled = true } }, "http://127.0.0.1:0", TimeProvider.System);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var url = app.BoundUrls()[0].TrimEnd('/');
        var folder = Directory.CreateTempSubdirectory("bulkhead-fleet-e2e-").FullName;
        var fleet = new LiveFleet(app, folder);
        fleet.Environment["BULKHEAD_ADMIN_TOKEN"] = AdminToken;
        fleet.Environment["BULKHEAD_HOME"] = Path.Combine(folder, "home");
        fleet.Environment["BULKHEAD_SECRETS_KEY"] = null;
        var example = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "examples", "fleet.toml"), TestContext.Current.CancellationToken);
        var text = example.Replace("http://127.0.0.1:8787", url, StringComparison.Ordinal);
        await File.WriteAllTextAsync(fleet.Manifest, edit is null ? text : edit(text), TestContext.Current.CancellationToken);
        var provision = await CliProcess.RunAsync(fleet.Environment, "sandbox", "provision", fleet.Manifest);
        provision.ExitCode.ShouldBe(0, provision.Error);
        return fleet;
    }

    /// <summary>Starts <c>bulkhead run FILE --port 0</c> and waits for its status URL.</summary>
    public async Task<(CliChild Run, Uri Status)> StartRunAsync()
    {
        var run = CliChild.Start(Environment, "run", Manifest, "--port", "0");
        await Polling.UntilAsync(() => run.Out.Contains("/api/status", StringComparison.Ordinal) || run.HasExited, TimeSpan.FromSeconds(60), "bulkhead run to serve its status");
        run.HasExited.ShouldBeFalse(run.Error);
        var line = run.Out.Split('\n').First(l => l.StartsWith("status: ", StringComparison.Ordinal));
        return (run, new Uri(line["status: ".Length..].Trim()));
    }

    /// <summary>The supervisor's processes from <c>GET /api/status</c>, by name.</summary>
    public async Task<Dictionary<string, JsonNode>> StatusAsync(Uri status)
    {
        var node = await _http.GetFromJsonAsync<JsonNode>(status, TestContext.Current.CancellationToken);
        return node!["processes"]!.AsArray().ToDictionary(p => p!["process"]!.GetValue<string>(), p => p!);
    }

    /// <summary>Trades booked on the exchange for an account (what the market filled), counted by the sandbox.</summary>
    public int Fills(string account) => Exchange.Trades(account).Count;

    /// <summary>Every key's auth stats (the sandbox's own count of each failure kind).</summary>
    public IReadOnlyList<(SandboxApiKey Key, KeyStats Stats)> KeyStats()
    {
        var activity = App.Services.GetRequiredService<IKeyActivity>();
        return [.. Exchange.Keys(null).Select(k => (k, activity.Stats(k.Key)))];
    }

    public static long NonceErrors(KeyStats stats) =>
        stats.FailuresByKind.Where(f => f.Key.Contains("nonce", StringComparison.OrdinalIgnoreCase)).Sum(f => f.Value);

    /// <summary>The sandbox's conservation: per asset, totals equal the net external flows.</summary>
    public void ShouldConserve()
    {
        var totals = Exchange.TotalsByAsset();
        var flows = Exchange.NetExternalFlows();
        foreach (var asset in totals.Keys.Union(flows.Keys))
        {
            totals.GetValueOrDefault(asset).ShouldBe(flows.GetValueOrDefault(asset), $"conservation of {asset}");
        }

        Exchange.UnbalancedMovements().ShouldBeEmpty();
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A worker killed at the end may still hold a SQLite file for a moment; a temp folder left behind is harmless.
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bulkhead.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("no Bulkhead.slnx above " + AppContext.BaseDirectory);
    }
}
