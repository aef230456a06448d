using Bulkhead.EndToEnd.Tests.Harness;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;

namespace Bulkhead.EndToEnd.Tests.Futures;

/// <summary>ccxt <c>krakenfutures</c> 4.5.84, unmodified, pointed at <c>BASE/derivatives/api/</c>: instruments, flex balance, transfers.</summary>
public sealed class CcxtKrakenFuturesTests
{
    [Fact]
    public async Task LoadMarkets_Instruments_GiveAPerpetual()
    {
        await using var sandbox = await SandboxServer.StartAsync();

        var steps = await sandbox.RunAsync(CcxtFutures, null, ClientStep.Call("loadMarkets"));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        var markets = steps[0].Value!.AsObject();
        markets.Count.ShouldBeGreaterThan(0);
        var perpetual = markets.Select(m => m.Value!).FirstOrDefault(m => m["swap"]?.GetValue<bool>() == true && m["base"]?.GetValue<string>() == "BTC");
        perpetual.ShouldNotBeNull($"no BTC perpetual among {string.Join(", ", markets.Select(m => m.Key))}");
        perpetual["precision"]!["price"].ShouldNotBeNull();
        perpetual["contractSize"].ShouldNotBeNull();
    }

    [Fact]
    public async Task FetchBalance_FuturesCollateralDeposit_ShowsInTheFlexAccount()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "5000", wallet: "futures");
        var key = await sandbox.Admin.CreateFuturesKeyAsync("desk", "read-only", withdraw: false);

        var steps = await sandbox.RunAsync(CcxtFutures, key, ClientStep.Call("fetchBalance"));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[0].Value!["USD"]!["total"]!.GetValue<double>().ShouldBe(5000d);
        sandbox.Balance("desk", "ZUSD", Wallet.FuturesFlex).ShouldBe(5000m);
        sandbox.ShouldConserveTotals();
    }

    [Fact]
    public async Task Transfer_FlexToCashAndBack_MovesCollateralWithinTheAccount()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "5000", wallet: "futures");
        var key = await sandbox.Admin.CreateFuturesKeyAsync("desk", "full", withdraw: false);
        var readOnly = await sandbox.Admin.CreateFuturesKeyAsync("desk", "read-only", withdraw: false);

        var steps = await sandbox.RunAsync(
            CcxtFutures,
            key,
            ClientStep.Call("transfer", "USD", 1200, "flex", "main"),
            ClientStep.Call("transfer", "USD", 200, "main", "flex"));
        var refused = await sandbox.RunAsync(CcxtFutures, readOnly, ClientStep.Call("transfer", "USD", 1, "flex", "main"));

        steps[0].Ok.ShouldBeTrue(steps[0].ToString());
        steps[1].Ok.ShouldBeTrue(steps[1].ToString());
        refused[0].Ok.ShouldBeFalse("a read-only key cannot transfer: " + refused[0]);
        sandbox.Balance("desk", "ZUSD", Wallet.FuturesFlex).ShouldBe(4000m);
        sandbox.Balance("desk", "ZUSD", Wallet.FuturesCash).ShouldBe(1000m);
        sandbox.ShouldConserveTotals();
    }
}
