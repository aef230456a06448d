using System.Globalization;
using System.Text;
using Bulkhead.EndToEnd.Tests.Harness;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Runtime.Gateway;
using Bulkhead.Sandbox.Market;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Gateway;

/// <summary>
/// A sandbox on real Kestrel (its market maker quoting every book once, at start: fake clock, so prices hold still) with
/// a master <c>desk</c>, a Spot subaccount <c>mm</c> and a Futures subaccount <c>hedge</c>, and a fleet manifest in a temp
/// folder whose trader processes hold keys created through the admin API (secrets from variables):
/// <c>spot-bot</c> (key <c>spot-trader</c> on mm), <c>futures-bot</c> (<c>futures-trader</c> on hedge),
/// <c>revoked-bot</c> (<c>revoked</c> on mm). <see cref="Direct"/> holds second keys on the same accounts for calls
/// straight to the sandbox. Gateways run in-process on 127.0.0.1 with a fresh local credential each.
/// </summary>
internal sealed class GatewayFleet : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _variables = new(StringComparer.Ordinal);

    private GatewayFleet(SandboxServer sandbox)
    {
        Sandbox = sandbox;
        Directory.CreateDirectory(Folder);
    }

    public SandboxServer Sandbox { get; }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "bulkhead-gateway-" + Guid.NewGuid().ToString("N"));

    public string ManifestPath => Path.Combine(Folder, "fleet.toml");

    /// <summary>The sandbox keys behind the manifest's keys, by manifest key name.</summary>
    public Dictionary<string, ApiKeyPair> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys outside the manifest on the same accounts, by account (<c>mm</c>, <c>hedge</c>), for direct calls.</summary>
    public Dictionary<string, ApiKeyPair> Direct { get; } = new(StringComparer.Ordinal);

    /// <summary>The variables the manifest's secrets come from.</summary>
    public IReadOnlyDictionary<string, string?> Variables => _variables;

    public FleetManifest Manifest => ManifestLoader.Load(ManifestPath).GetValueOrThrow();

    /// <param name="botCommand">When given: processes <c>ext-bot</c> (key <c>ext-trader</c> on mm) and <c>ext-revoked</c>
    /// (key <c>revoked</c>) run this external command, with <c>{mode}</c> replaced by <c>once</c> and <c>loop</c>.</param>
    public static async Task<GatewayFleet> StartAsync(IReadOnlyList<string>? botCommand = null)
    {
        var sandbox = await SandboxServer.StartAsync(o => o.Market = new MarketOptions { Enabled = true, TickInterval = TimeSpan.FromHours(1) });
        var fleet = new GatewayFleet(sandbox);
        var admin = sandbox.Admin;
        await admin.CreateAccountAsync("desk");
        await admin.CreateAccountAsync("mm", "desk");
        await admin.CreateAccountAsync("hedge", "desk");
        await admin.DepositAsync("mm", "ZUSD", "200000");
        await admin.DepositAsync("mm", "XXBT", "2");
        await admin.DepositAsync("hedge", "ZUSD", "100000", wallet: "futures");
        fleet.Add("spot-trader", await admin.CreateSpotKeyAsync("mm", Trader));
        fleet.Add("revoked", await admin.CreateSpotKeyAsync("mm", Trader));
        fleet.Add("ext-trader", await admin.CreateSpotKeyAsync("mm", Trader));
        fleet.Add("futures-trader", await admin.CreateFuturesKeyAsync("hedge", "full", withdraw: false));
        fleet.Direct["mm"] = await admin.CreateSpotKeyAsync("mm", Trader);
        fleet.Direct["hedge"] = await admin.CreateFuturesKeyAsync("hedge", "full", withdraw: false);
        await File.WriteAllTextAsync(fleet.ManifestPath, fleet.ManifestText(botCommand), TestContext.Current.CancellationToken);
        return fleet;
    }

    public string? GetVariable(string name) => _variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Starts a gateway for <paramref name="process"/> with a fresh local credential.</summary>
    public Task<GatewayHost> StartGatewayAsync(string process, LockoutGuardOptions? guard = null, int inFlight = 1, LocalCredential? credential = null) =>
        GatewayHost.StartAsync(
            new GatewayOptions
            {
                Manifest = Manifest,
                ProcessName = process,
                Credential = credential ?? LocalCredential.Create(),
                Time = TimeProvider.System,
                GetVariable = GetVariable,
                Guard = guard ?? new LockoutGuardOptions(),
                MaxPrivateInFlight = inFlight,
                Journal = Journal,
            },
            TestContext.Current.CancellationToken);

    /// <summary>Every signed call the gateways made (the journal they write to).</summary>
    public RecordingJournal Journal { get; } = new();

    /// <summary>Runs one unmodified client through <paramref name="gateway"/> with its local credential.</summary>
    public static Task<IReadOnlyList<StepOutcome>> RunAsync(string client, GatewayHost gateway, params ClientStep[] steps) =>
        NodeClient.RunAsync(new ClientSpec(client, gateway.Url, gateway.Credential.ApiKey, gateway.Credential.Secret, steps), TestContext.Current.CancellationToken);

    /// <summary>Runs one client straight against the sandbox with <paramref name="key"/>.</summary>
    public Task<IReadOnlyList<StepOutcome>> RunDirectAsync(string client, ApiKeyPair key, params ClientStep[] steps) =>
        Sandbox.RunAsync(client, key, steps);

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private void Add(string name, ApiKeyPair key)
    {
        Keys[name] = key;
        var variable = name.ToUpperInvariant().Replace('-', '_');
        _variables[variable + "_KEY"] = key.Key;
        _variables[variable + "_SECRET"] = key.Secret;
    }

    private string ManifestText(IReadOnlyList<string>? botCommand)
    {
        var url = Sandbox.BaseUrl.ToString().TrimEnd('/');
        var toml = new StringBuilder();
        toml.Append(CultureInfo.InvariantCulture, $"""
            [fleet]
            name = "gateway-tests"
            coordination = "sqlite:fleet.db"
            default_environment = "sandbox"

            [environments.sandbox]
            kind = "sandbox"
            spot_url = "{url}"
            futures_url = "{url}"
            admin_url = "{url}"

            [master]
            name = "desk"

            [subaccounts.mm]
            venue = "spot"
            mandate = "spot bots behind gateways"

            [subaccounts.hedge]
            venue = "futures"
            mandate = "futures bots behind gateways"

            """);
        foreach (var (process, key, account, venue) in new[]
        {
            ("spot-bot", "spot-trader", "mm", "spot"),
            ("revoked-bot", "revoked", "mm", "spot"),
            ("futures-bot", "futures-trader", "hedge", "futures"),
        })
        {
            toml.Append(CultureInfo.InvariantCulture, $"""

                [processes.{process}]
                role = "trader"
                account = "{account}"
                key = "{key}"

                [keys.{key}]
                account = "{account}"
                venue = "{venue}"
                permissions = "role"
                ip_allowlist = ["127.0.0.1/32"]
                secret = "env:{key.ToUpperInvariant().Replace('-', '_')}"

                """);
        }

        if (botCommand is not null)
        {
            foreach (var (process, key, mode) in new[] { ("ext-bot", "ext-trader", "once"), ("ext-revoked", "revoked", "loop") })
            {
                var command = string.Join(", ", botCommand.Select(c => "'" + c.Replace("{mode}", mode, StringComparison.Ordinal) + "'"));
                toml.Append(CultureInfo.InvariantCulture, $"""

                    [processes.{process}]
                    role = "trader"
                    account = "mm"
                    key = "{key}"
                    command = [{command}]

                    """);
            }

            toml.Append(CultureInfo.InvariantCulture, $"""

                [keys.ext-trader]
                account = "mm"
                venue = "spot"
                permissions = "role"
                ip_allowlist = ["127.0.0.1/32"]
                secret = "env:EXT_TRADER"

                """);
        }

        return toml.ToString();
    }
}
