using System.Net;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Provisioning;
using Bulkhead.Fleet.Secrets;
using Bulkhead.Fleet.Roles;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Microsoft.Extensions.Logging.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary><c>bulkhead sandbox provision examples/fleet.toml</c> against a real sandbox over HTTP: complete, least-privilege, idempotent.</summary>
public sealed class SandboxProvisionTests : IAsyncLifetime
{
    private ProvisionedFleet _sandbox = null!;

    public async ValueTask InitializeAsync() => _sandbox = await ProvisionedFleet.StartAsync();

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Provision_ExampleFleet_CreatesAccountsKeysWithRolePermissionsAndFunding()
    {
        var run = await Provision();

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("created the secrets key file");
        var exchange = _sandbox.App.GetExchange();
        exchange.FindAccount("desk")!.Master.ShouldBeNull();
        foreach (var sub in new[] { "mm", "momo", "hedge" })
        {
            exchange.FindAccount(sub)!.Master.ShouldBe("desk");
        }

        var manifest = ManifestLoader.Load(_sandbox.Manifest).GetValueOrThrow();
        var live = exchange.Keys(null).Where(k => k.RevokedAt is null).ToList();
        live.Count.ShouldBe(manifest.Keys.Length);

        exchange.Keys("mm").Select(k => k.Permissions).Order().ShouldBe(
            new[] { RolePermissions.Of(FleetRole.Trader).Spot | SpotPermission.AccessWebSocketsApi, RolePermissions.Of(FleetRole.Flattener).Spot | SpotPermission.AccessWebSocketsApi, RolePermissions.Of(FleetRole.Reconciler).Spot }.Order());
        // The trader and the flattener hold the same Spot permissions (the flattener reads its fills too): two keys.
        var mmTraders = exchange.Keys("mm").Where(k => k.Permissions == (RolePermissions.Of(FleetRole.Trader).Spot | SpotPermission.AccessWebSocketsApi)).ToList(); // they stream (the default)
        mmTraders.Count.ShouldBe(2);
        mmTraders.ShouldAllBe(k => k.IpAllowlist.SequenceEqual(new[] { IPNetwork.Parse("127.0.0.1/32") }));
        mmTraders.ShouldAllBe(k => k.ExpiresAt == new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero));
        exchange.Keys("desk").ShouldContain(k => k.Permissions == (SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades)); // the dashboard's explicit list
        exchange.Keys("hedge").ShouldAllBe(k => k.Venue == KeyVenue.Spot ? k.Permissions.HasFlag(SpotPermission.AccessWebSocketsApi) : !k.FuturesWithdraw);
        exchange.Keys("hedge").Count(k => k.Venue == KeyVenue.Spot).ShouldBe(2, "the trader and the flattener stream the Unified WebSocket with Kraken API keys");
        exchange.Keys(null).ShouldNotContain(k => k.Account != "desk" && k.Permissions.HasFlag(SpotPermission.WithdrawFunds));

        exchange.Balances("desk", Wallet.Spot)["ZUSD"].ShouldBe(100000m);
        exchange.Balances("mm", Wallet.Spot)["ZUSD"].ShouldBe(50000m);
        exchange.Balances("mm", Wallet.Spot)["XXBT"].ShouldBe(0.5m);
        exchange.Balances("hedge", Wallet.FuturesFlex)["ZUSD"].ShouldBe(30000m);
        exchange.FindAccount("desk")!.VolumeUsd30d.ShouldBe(5_000_000m, "the example's volume_usd_30d: the fleet's fee tier");

        var list = await CliProcess.RunAsync(_sandbox.Environment(), "secrets", "list", "--fleet", _sandbox.Manifest);
        list.ExitCode.ShouldBe(0, list.Error);
        foreach (var key in manifest.Keys)
        {
            list.Out.ShouldContain(key.Name);
        }
    }

    [Fact]
    public async Task Provision_Twice_SecondRunChangesNothing()
    {
        (await Provision()).ExitCode.ShouldBe(0);
        var exchange = _sandbox.App.GetExchange();
        var keysBefore = exchange.Keys(null).Select(k => k.Key).Order(StringComparer.Ordinal).ToList();
        var secretsBefore = await File.ReadAllBytesAsync(_sandbox.SecretsFile, TestContext.Current.CancellationToken);

        var again = await Provision();

        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldContain("\n0 changes");
        again.Out.ShouldNotContain("created ");
        exchange.Keys(null).Select(k => k.Key).Order(StringComparer.Ordinal).ShouldBe(keysBefore);
        exchange.Balances("desk", Wallet.Spot)["ZUSD"].ShouldBe(100000m);
        again.Out.ShouldContain("desk's 30-day volume is already 5000000 USD");
        (await File.ReadAllBytesAsync(_sandbox.SecretsFile, TestContext.Current.CancellationToken)).ShouldBe(secretsBefore);
    }

    [Fact]
    public async Task Provision_KeyRevokedOnSandbox_ReplacedAndRotatedInStore()
    {
        (await Provision()).ExitCode.ShouldBe(0);
        var exchange = _sandbox.App.GetExchange();
        var dashboard = exchange.Keys("desk").Single(k => k.Permissions == (SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades));
        exchange.RevokeKey(dashboard.Key);

        var again = await Provision();

        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldContain("replaced  key dashboard");
        again.Out.ShouldContain("no longer exists on the sandbox");
        exchange.Keys("desk").Count(k => k.RevokedAt is null && k.Permissions == dashboard.Permissions).ShouldBe(1);
        var json = await CliProcess.RunAsync(_sandbox.Environment(), "secrets", "list", "--fleet", _sandbox.Manifest, "--json");
        json.Out.ShouldContain("\"rotated\": \"2");
    }

    [Fact]
    public async Task Provision_ManifestPermissionsChanged_DriftReportedThenReplacedWithRecreate()
    {
        (await Provision()).ExitCode.ShouldBe(0);
        var text = await File.ReadAllTextAsync(_sandbox.Manifest, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(_sandbox.Manifest, text.Replace("permissions = [\"Query Funds\", \"Query Open Orders & Trades\"]", "permissions = [\"Query Funds\"]", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var drift = await Provision();
        var recreate = await CliProcess.RunAsync(_sandbox.Environment(), "sandbox", "provision", _sandbox.Manifest, "--recreate");
        var after = await Provision();

        drift.ExitCode.ShouldBe(1);
        drift.Out.ShouldContain("drifted   key dashboard");
        drift.Out.ShouldContain("permissions [Query Funds, Query Open Orders & Trades], manifest [Query Funds]");
        recreate.ExitCode.ShouldBe(0, recreate.Error);
        recreate.Out.ShouldContain("replaced  key dashboard");
        after.ExitCode.ShouldBe(0, after.Error);
        var desk = _sandbox.App.GetExchange().Keys("desk");
        desk.Single(k => k.RevokedAt is null && k.Permissions == SpotPermission.QueryFunds).ShouldNotBeNull();
        desk.Single(k => k.Permissions == (SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades)).RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Provisioner_InProcess_LogsKeysMaskedNeverSecrets()
    {
        var manifest = ManifestLoader.Load(_sandbox.Manifest).GetValueOrThrow();
        var logger = new FakeLogger<SandboxProvisioner>();
        var keyBytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var key = SecretsKey.FromBytes(keyBytes, "test");
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        using (var secrets = await SecretsFile.OpenForUpdateAsync(_sandbox.SecretsFile, key, TimeProvider.System, TimeSpan.Zero, ct))
        {
            var provisioner = new SandboxProvisioner(manifest, manifest.FindEnvironment("sandbox")!, new SandboxAdminClient(http, new Uri(_sandbox.Url), ProvisionedFleet.AdminToken), secrets, TimeProvider.System, logger);
            var report = await provisioner.RunAsync(ct);
            report.Changes.ShouldBeGreaterThan(manifest.Keys.Length);
            report.ToString().ShouldNotContain("secret\"");
        }

        var stored = SecretsFile.Open(_sandbox.SecretsFile, key);
        var log = string.Join('\n', logger.Collector.GetSnapshot().Select(r => r.Message));
        log.ShouldContain("Created key mm-trader");
        var secretValues = ProvisionedFleet.ReadSecrets(_sandbox.SecretsFile, keyBytes);
        secretValues.Count.ShouldBe(manifest.Keys.Length);
        foreach (var secret in secretValues)
        {
            log.ShouldNotContain(secret);
            log.ShouldNotContain(secret[..16]);
        }

        foreach (var entry in stored.Entries)
        {
            log.ShouldNotContain(entry.ApiKey);
            log.ShouldContain(entry.MaskedApiKey);
            entry.ToString().ShouldNotContain(entry.ApiKey);
        }
    }

    [Fact]
    public async Task Provision_ProductionEnvironment_RefusedExitTwo()
    {
        var run = await CliProcess.RunAsync(_sandbox.Environment(), "sandbox", "provision", _sandbox.Manifest, "--env", "production");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("production: Kraken keys cannot be created by API");
    }

    [Fact]
    public async Task Provision_WrongAdminToken_ExitOneNothingStored()
    {
        var run = await CliProcess.RunAsync(_sandbox.Environment(("BULKHEAD_ADMIN_TOKEN", "wrong")), "sandbox", "provision", _sandbox.Manifest);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("HTTP 401");
    }

    private Task<CliRun> Provision() => CliProcess.RunAsync(_sandbox.Environment(), "sandbox", "provision", _sandbox.Manifest);
}
