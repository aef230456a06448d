using Bulkhead.EndToEnd.Tests.Harness;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Spot;

/// <summary>ccxt <c>kraken</c> 4.5.84, unmodified, over real HTTP: public data, balances, ledger, subaccounts and money movement.</summary>
public sealed class CcxtKrakenFundingTests
{
    [Fact]
    public async Task FetchTime_ReturnsTheSandboxClock()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var steps = await sandbox.RunAsync(Ccxt, null, ClientStep.Call("fetchTime"));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[0].Value!.GetValue<long>().ShouldBe(SandboxServer.Start.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task LoadMarkets_AssetsAndAssetPairs_GiveBtcUsdWithPrecision()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var steps = await sandbox.RunAsync(Ccxt, null, ClientStep.Call("loadMarkets"));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        var btcUsd = steps[0].Value!["BTC/USD"];
        btcUsd.ShouldNotBeNull("loadMarkets has no BTC/USD (XXBT+ZUSD with altnames XBT/USD)");
        btcUsd["base"]!.GetValue<string>().ShouldBe("BTC");
        btcUsd["quote"]!.GetValue<string>().ShouldBe("USD");
        btcUsd["active"]!.GetValue<bool>().ShouldBeTrue("AssetPairs status must be 'online'");
        btcUsd["precision"]!["price"].ShouldNotBeNull("pair_decimals missing");
        btcUsd["precision"]!["amount"].ShouldNotBeNull("lot_decimals missing");
        btcUsd["precision"]!["amount"]!.GetValue<double>().ShouldBeGreaterThan(0);
        btcUsd["limits"]!["amount"]!["min"].ShouldNotBeNull("ordermin missing");
    }

    [Fact]
    public async Task FetchBalance_AfterAdminDeposits_ShowsThem()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000");
        await sandbox.Admin.DepositAsync("desk", "XXBT", "0.5");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);

        var steps = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchBalance"));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[0].Value!["USD"]!["total"]!.GetValue<double>().ShouldBe(10000d);
        steps[0].Value!["BTC"]!["total"]!.GetValue<double>().ShouldBe(0.5d);
        sandbox.Balance("desk", "ZUSD").ShouldBe(10000m);
        sandbox.Balance("desk", "XXBT").ShouldBe(0.5m);
        sandbox.ShouldConserveTotals();
    }

    [Fact]
    public async Task FetchLedger_ShowsTheDepositsWithTheSandboxIds()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "5");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryLedgerEntries]);

        var steps = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("fetchLedger"));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        var entries = steps[0].Value!.AsArray();
        var booked = sandbox.Exchange.Ledger("desk", new LedgerQuery());
        booked.Count.ShouldBe(2);
        entries.Select(e => e!["id"]!.GetValue<string>()).ShouldBe(booked.Select(e => e.Id), ignoreOrder: true);
        entries.Select(e => e!["referenceId"]!.GetValue<string>()).ShouldBe(booked.Select(e => e.RefId), ignoreOrder: true);
        entries.ShouldAllBe(e => e!["currency"]!.GetValue<string>() == "USD" && e["direction"]!.GetValue<string>() == "in");
        entries.Select(e => e!["amount"]!.GetValue<double>()).ShouldBe([10000d, 5d], ignoreOrder: true);
        entries.Select(e => e!["after"]!.GetValue<double>()).ShouldBe([10000d, 10005d], ignoreOrder: true);
        sandbox.ShouldConserveTotals();
    }

    [Fact]
    public async Task CreateSubaccount_MasterKeyWithWithdrawFunds_LinksANewSubaccount()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds, WithdrawFunds]);

        var steps = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("privatePostCreateSubaccount", new Dictionary<string, string> { ["username"] = "mm", ["email"] = "mm@example.com" }));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[0].Value!["result"]!.GetValue<bool>().ShouldBeTrue();
        sandbox.Exchange.FindAccount("mm").ShouldNotBeNull().Master.ShouldBe("desk");
    }

    [Fact]
    public async Task CreateSubaccount_WithoutWithdrawFundsOrFromASubaccount_IsPermissionDenied()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.CreateAccountAsync("mm", master: "desk");
        var queryOnly = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds]);
        var subKey = await sandbox.Admin.CreateSpotKeyAsync("mm", [QueryFunds, WithdrawFunds]);
        var create = ClientStep.Call("privatePostCreateSubaccount", new Dictionary<string, string> { ["username"] = "other", ["email"] = "o@example.com" });

        var fromQueryOnly = await sandbox.RunAsync(Ccxt, queryOnly, create);
        var fromSub = await sandbox.RunAsync(Ccxt, subKey, create);

        fromQueryOnly[0].Error.ShouldBe("PermissionDenied", fromQueryOnly[0].ToString());
        fromSub[0].Error.ShouldBe("PermissionDenied", fromSub[0].ToString());
        sandbox.Exchange.FindAccount("other").ShouldBeNull();
    }

    [Fact]
    public async Task AccountTransfer_MasterToSubaccountAndBack_MovesFundsAndConservesTotals()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.CreateAccountAsync("mm", master: "desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "1000");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds, WithdrawFunds]);
        var desk = sandbox.Exchange.FindAccount("desk")!.Iiban;
        var mm = sandbox.Exchange.FindAccount("mm")!.Iiban;

        var steps = await sandbox.RunAsync(
            Ccxt,
            key,
            ClientStep.Call("privatePostAccountTransfer", new Dictionary<string, string> { ["asset"] = "ZUSD", ["amount"] = "250", ["from"] = desk, ["to"] = mm }),
            ClientStep.Call("privatePostAccountTransfer", new Dictionary<string, string> { ["asset"] = "ZUSD", ["amount"] = "100", ["from"] = mm, ["to"] = desk }));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[1].Ok.ShouldBeTrue(steps[1].ToString());
        steps[0].Value!["result"]!["transfer_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        steps[0].Value!["result"]!["status"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        sandbox.Balance("desk", "ZUSD").ShouldBe(850m);
        sandbox.Balance("mm", "ZUSD").ShouldBe(150m);
        sandbox.Exchange.Ledger("mm", new LedgerQuery()).Select(e => e.Amount).ShouldBe([-100m, 250m]);
        sandbox.ShouldConserveTotals();
        sandbox.Exchange.NetExternalFlows()["ZUSD"].ShouldBe(1000m);
    }

    [Fact]
    public async Task Withdraw_FromSubaccount_IsPermissionDeniedAndChangesNothing()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.CreateAccountAsync("mm", master: "desk");
        await sandbox.Admin.DepositAsync("mm", "ZUSD", "500");
        var key = await sandbox.Admin.CreateSpotKeyAsync("mm", [QueryFunds, WithdrawFunds]);

        var steps = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("withdraw", "USD", 100, "", new Dictionary<string, string> { ["key"] = "my-bank" }));

        steps[0].Error.ShouldBe("PermissionDenied", steps[0].ToString());
        steps[0].Message.ShouldNotBeNull().ShouldContain("EGeneral:Permission denied");
        sandbox.Balance("mm", "ZUSD").ShouldBe(500m);
        sandbox.Exchange.Ledger("mm", new LedgerQuery()).Count.ShouldBe(1);
        sandbox.ShouldConserveTotals();
    }

    [Fact]
    public async Task Withdraw_FromMaster_DebitsTheLedgerAndTheExternalFlow()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "500");
        var key = await sandbox.Admin.CreateSpotKeyAsync("desk", [QueryFunds, WithdrawFunds]);

        var steps = await sandbox.RunAsync(Ccxt, key, ClientStep.Call("withdraw", "USD", 100, "", new Dictionary<string, string> { ["key"] = "my-bank" }));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        var refId = steps[0].Value!["id"]!.GetValue<string>();
        var entry = sandbox.Exchange.Ledger("desk", new LedgerQuery(Type: LedgerEntryType.Withdrawal)).ShouldHaveSingleItem();
        entry.RefId.ShouldBe(refId);
        entry.Amount.ShouldBe(-100m);
        sandbox.Balance("desk", "ZUSD").ShouldBe(400m);
        sandbox.Exchange.NetExternalFlows()["ZUSD"].ShouldBe(400m);
        sandbox.ShouldConserveTotals();
    }
}
