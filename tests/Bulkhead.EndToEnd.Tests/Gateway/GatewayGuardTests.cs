using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Harness;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Runtime.Gateway;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Gateway;

/// <summary>
/// What the gateway keeps away from the exchange: mixed nonce units, a wrong local secret, a revoked key looping into
/// Kraken's lockout (halted at the gateway, across restarts), a trader's withdrawals and transfers, a second holder.
/// </summary>
public sealed class GatewayGuardTests
{
    [Fact]
    public async Task SecondAndSixteenDigitNonceBots_OnOneKey_NeverGetInvalidNonce()
    {
        await using var fleet = await GatewayFleet.StartAsync();
        await using var gateway = await fleet.StartGatewayAsync("spot-bot");
        const long seconds = 1_796_000_000;
        const long micros = 1_796_000_000_000_000;

        var first = await GatewayFleet.RunAsync(KrakenApi, gateway, new ClientStep("Balance", Nonce: seconds, Repeat: 3));
        var second = await GatewayFleet.RunAsync(KrakenApi, gateway, new ClientStep("Balance", Nonce: micros, Repeat: 3));
        // Back to seconds after 16 digits: straight to Kraken this bot would now be refused forever.
        var third = await GatewayFleet.RunAsync(KrakenApi, gateway, new ClientStep("Balance", Nonce: seconds, Repeat: 3), new ClientStep("OpenOrders", Nonce: 1));

        foreach (var outcome in first.Concat(second).Concat(third))
        {
            outcome.Ok.ShouldBeTrue(outcome.ToString());
        }

        var stats = await fleet.Sandbox.Admin.KeyStatsAsync(fleet.Keys["spot-trader"].Key);
        stats["succeeded"]!.GetValue<long>().ShouldBe(10, stats.ToJsonString());
        Failures(stats, "EAPI:Invalid nonce").ShouldBe(0);

        // The same bots straight to the sandbox on a key of their own: the seconds bot after the 16-digit one is refused.
        var direct = fleet.Direct["mm"];
        (await fleet.RunDirectAsync(KrakenApi, direct, new ClientStep("Balance", Nonce: micros)))[0].Ok.ShouldBeTrue();
        var refused = await fleet.RunDirectAsync(KrakenApi, direct, new ClientStep("Balance", Nonce: seconds));
        refused[0].Message.ShouldBe("API:Invalid nonce");
    }

    [Fact]
    public async Task WrongLocalSecret_RefusedAtTheGateway_NothingReachesTheExchange()
    {
        await using var fleet = await GatewayFleet.StartAsync();
        await using var gateway = await fleet.StartGatewayAsync("spot-bot");
        var wrong = LocalCredential.Create();

        var ccxt = await NodeClient.RunAsync(
            new ClientSpec(Ccxt, gateway.Url, gateway.Credential.ApiKey, wrong.Secret, [ClientStep.Call("fetchBalance")]),
            TestContext.Current.CancellationToken);
        var otherKey = await NodeClient.RunAsync(
            new ClientSpec(KrakenApi, gateway.Url, wrong.ApiKey, wrong.Secret, [ClientStep.Call("Balance")]),
            TestContext.Current.CancellationToken);
        var futures = await GatewayWire.FuturesPrivateAsync(gateway.Url, gateway.Credential.ApiKey, wrong.Secret, HttpMethod.Get, "/derivatives/api/v3/accounts");

        ccxt[0].Ok.ShouldBeFalse();
        ccxt[0].Message!.ShouldContain("{\"error\":[\"EAPI:Invalid signature\"]}", customMessage: ccxt[0].ToString());
        otherKey[0].Message.ShouldBe("API:Invalid key");
        futures.Text.ShouldContain("\"error\":\"authenticationError\"");
        var stats = await fleet.Sandbox.Admin.KeyStatsAsync(fleet.Keys["spot-trader"].Key);
        stats["requests"]!.GetValue<long>().ShouldBe(0, stats.ToJsonString());
        fleet.Journal.Records.ShouldBeEmpty();
        gateway.Refused.ShouldBe(3);
        gateway.Session.Guard.State.Halted.ShouldBeFalse("a bot's bad local signature never counts against the real key");
    }

    [Fact]
    public async Task RevokedKey_HaltsAtTheGatewayAfterTheGuardsLimit_StaysHaltedAcrossARestart_SandboxNeverLocksIt()
    {
        await using var fleet = await GatewayFleet.StartAsync();
        var revoked = fleet.Keys["revoked"].Key;
        await fleet.Sandbox.Admin.RevokeKeyAsync(revoked);
        var loop = Enumerable.Range(0, 6).Select(_ => ClientStep.Call("Balance")).ToArray();

        await using (var gateway = await fleet.StartGatewayAsync("revoked-bot"))
        {
            var s = await GatewayFleet.RunAsync(KrakenApi, gateway, loop);
            s.Take(3).ShouldAllBe(o => o.Message == "API:Invalid key", string.Join("; ", s));
            s.Skip(3).ShouldAllBe(o => o.Message == "General:Temporary lockout", string.Join("; ", s));
            gateway.Session.Guard.State.Halted.ShouldBeTrue();
        }

        // A new gateway (a new run) for the same key finds the halt in the coordination store.
        await using (var restarted = await fleet.StartGatewayAsync("revoked-bot"))
        {
            var s = await GatewayFleet.RunAsync(KrakenApi, restarted, loop);
            s.ShouldAllBe(o => o.Message == "General:Temporary lockout", string.Join("; ", s));
            restarted.Relayed.ShouldBe(0);
        }

        var stats = await fleet.Sandbox.Admin.KeyStatsAsync(revoked);
        Failures(stats, "EAPI:Invalid key").ShouldBe(3, stats.ToJsonString());
        stats["lockedUntil"]?.GetValue<string?>().ShouldBeNull("the sandbox never locked the key out");
        fleet.Journal.Records.Count(r => r.ErrorCode == "EAPI:Invalid key").ShouldBe(3);
    }

    [Fact]
    public async Task TradersWithdrawAndTransfers_RefusedLocally_TheSandboxSeesNone()
    {
        await using var fleet = await GatewayFleet.StartAsync();
        await using var spot = await fleet.StartGatewayAsync("spot-bot");
        await using var futures = await fleet.StartGatewayAsync("futures-bot");

        var withdraw = await GatewayFleet.RunAsync(
            KrakenApi,
            spot,
            ClientStep.Call("Withdraw", new Dictionary<string, object> { ["asset"] = "XBT", ["key"] = "cold", ["amount"] = "1" }));
        // Methods npm kraken-api does not know, signed by hand with the local credential.
        var spotLocal = spot.Credential;
        var moves = new[]
        {
            await GatewayWire.SpotPrivateAsync(spot.Url, spotLocal.ApiKey, spotLocal.Secret, "AccountTransfer", 1, "asset=ZUSD&amount=100&from=mm&to=desk"),
            await GatewayWire.SpotPrivateAsync(spot.Url, spotLocal.ApiKey, spotLocal.Secret, "WalletTransfer", 2, "asset=ZUSD&amount=100&from=Spot%20Wallet&to=Futures%20Wallet"),
            await GatewayWire.SpotPrivateAsync(spot.Url, spotLocal.ApiKey, spotLocal.Secret, "CreateSubaccount", 3, "username=x&email=x%40example.com"),
        };
        var local = futures.Credential;
        var withdrawal = await GatewayWire.FuturesPrivateAsync(futures.Url, local.ApiKey, local.Secret, HttpMethod.Post, "/derivatives/api/v3/withdrawal", "currency=USD&amount=1");
        var transfer = await GatewayWire.FuturesPrivateAsync(futures.Url, local.ApiKey, local.Secret, HttpMethod.Post, "/derivatives/api/v3/transfer", "fromAccount=flex&toAccount=cash&unit=USD&amount=1");
        var subaccount = await GatewayWire.FuturesPrivateAsync(futures.Url, local.ApiKey, local.Secret, HttpMethod.Post, "/derivatives/api/v3/transfer/subaccount", "fromUser=a&toUser=b&unit=USD&amount=1");

        withdraw[0].Message.ShouldBe("General:Permission denied", withdraw[0].ToString());
        foreach (var refused in moves)
        {
            (refused.Status, refused.Text).ShouldBe((200, "{\"error\":[\"EGeneral:Permission denied\"]}"));
        }

        foreach (var refused in new[] { withdrawal, transfer, subaccount })
        {
            refused.Status.ShouldBe(200);
            JsonNode.Parse(refused.Text)!["error"]!.GetValue<string>().ShouldBe("authenticationError", refused.Text);
        }

        foreach (var key in new[] { "spot-trader", "futures-trader" })
        {
            var stats = await fleet.Sandbox.Admin.KeyStatsAsync(fleet.Keys[key].Key);
            stats["requests"]!.GetValue<long>().ShouldBe(0, $"{key}: {stats.ToJsonString()}");
        }

        fleet.Journal.Records.ShouldBeEmpty();
        (spot.Refused + futures.Refused).ShouldBe(7);

        // What the role does allow still goes through.
        var balance = await GatewayFleet.RunAsync(KrakenApi, spot, ClientStep.Call("Balance"), ClientStep.Call("TradeBalance"));
        balance.ShouldAllBe(o => o.Ok, string.Join("; ", balance));
        var accounts = await GatewayWire.FuturesPrivateAsync(futures.Url, local.ApiKey, local.Secret, HttpMethod.Get, "/derivatives/api/v3/accounts");
        accounts.Text.ShouldContain("\"result\":\"success\"");
    }

    [Fact]
    public async Task SecondGatewayForTheSameProcess_IsRefusedNamingTheHolder()
    {
        await using var fleet = await GatewayFleet.StartAsync();
        await using var gateway = await fleet.StartGatewayAsync("spot-bot");

        var refused = await Should.ThrowAsync<ProcessSessionException>(() => fleet.StartGatewayAsync("spot-bot"));
        refused.Failure.ShouldBe(ProcessSessionFailure.KeyUnavailable);
        refused.Message.ShouldContain($"key spot-trader is held by process spot-bot (pid {Environment.ProcessId}");

        var variables = new Dictionary<string, string?>(fleet.Variables) { ["BULKHEAD_HOME"] = Path.Combine(fleet.Folder, "home"), ["BULKHEAD_JOURNAL"] = "off" };
        var cli = await Bulkhead.Cli.Tests.CliProcess.RunAsync(variables, "gateway", fleet.ManifestPath, "--process", "spot-bot");
        cli.ExitCode.ShouldBe(3, cli.Error);
        cli.Error.ShouldContain($"key spot-trader is held by process spot-bot (pid {Environment.ProcessId}");
        cli.Out.ShouldNotContain("gateway: http");
    }

    private static long Failures(JsonNode stats, string kind) => stats["failuresByKind"]?[kind]?.GetValue<long>() ?? 0;
}
