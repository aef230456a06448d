using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Storage;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Margin;

/// <summary>
/// Issue 6's isolation scenario: two Futures subaccounts under one master. One takes a leveraged long, the mark falls,
/// it is liquidated; the other's balances, margin, positions and open orders are exactly as before; the master's
/// consolidated total moved by exactly the loss plus fees; everything is conserved.
/// </summary>
public sealed class IsolationScenarioTests
{
    [Theory]
    [InlineData(97_600, 960, false)]    // equity 20 < maintenance 390.40: liquidated with 20 left
    [InlineData(97_000, 1_200, true)]   // the loss exceeds the collateral: the insurance fund covers 220
    public void LosingSubaccount_Liquidated_SiblingUntouched_MasterTotalMovesByTheLoss(int crash, int loss, bool bankrupt)
    {
        using var w = new FuturesWorld()
            .Account("lp", usd: 10_000_000m)
            .Account("desk", usd: 50_000m)
            .Account("directional", "desk", usd: 1_000m)
            .Account("maker", "desk", usd: 20_000m);

        // The sibling: an ETH position and resting ETH orders (XBT moves; ETH does not), USD collateral.
        w.Limit("lp", Side.Sell, 2m, 3_000m, FuturesWorld.Eth);
        w.Limit("maker", Side.Buy, 2m, 3_000m, FuturesWorld.Eth).Verdict.ShouldBe(FuturesOrderVerdict.Filled);
        w.Limit("maker", Side.Buy, 1m, 2_900m, FuturesWorld.Eth).Verdict.ShouldBe(FuturesOrderVerdict.Placed);
        w.Limit("maker", Side.Sell, 1m, 3_100m, FuturesWorld.Eth, clientId: "mm-ask").Verdict.ShouldBe(FuturesOrderVerdict.Placed);

        // The directional subaccount: 0.4 XBT long at 100,000 on 1,000 USD (40x).
        w.Limit("lp", Side.Sell, 0.4m, 100_000m);
        var entry = w.Limit("directional", Side.Buy, 0.4m, 100_000m);
        entry.Verdict.ShouldBe(FuturesOrderVerdict.Filled);
        var fee = entry.Trades.Sum(t => t.Fee);
        fee.ShouldBe(20m);
        w.Limit("directional", Side.Sell, 0.1m, 105_000m).Verdict.ShouldBe(FuturesOrderVerdict.Placed);  // a take-profit that the liquidation cancels

        var siblingBefore = Snapshot(w, "maker");
        var group = new[] { "desk", "directional", "maker" };
        var groupBefore = group.Sum(w.Usd) + fee;                       // what the group had before the entry fee
        var insuranceBefore = w.Usd(SystemAccounts.Insurance);

        w.Exchange.UpdateMarkPrice(FuturesWorld.Xbt, 99_000m);
        w.Size("directional").ShouldBe(0.4m);                           // equity 580 ≥ maintenance 396: still open
        w.Exchange.UpdateMarkPrice(FuturesWorld.Xbt, crash);

        w.Size("directional").ShouldBe(0m);
        w.Exchange.OpenOrders("directional", TradingVenue.Futures).ShouldBeEmpty();
        w.Exchange.ClosedOrders("directional", TradingVenue.Futures)[0].Reason.ShouldBe(SandboxExchange.LiquidationReason);
        w.Exchange.Trades("directional", TradingVenue.Futures)[0].Price.ShouldBe(crash);
        w.Size(SystemAccounts.Insurance).ShouldBe(0.4m);                // the fund took the position over at mark
        var left = bankrupt ? 0m : 1_000m - fee - loss;
        w.Usd("directional").ShouldBe(left);
        (w.Usd(SystemAccounts.Insurance) - insuranceBefore).ShouldBe(bankrupt ? -(loss + fee - 1_000m) : 0m);

        Snapshot(w, "maker").ShouldBe(siblingBefore);
        (groupBefore - group.Sum(w.Usd)).ShouldBe(Math.Min(1_000m, loss + fee));
        w.ShouldConserve();
    }

    [Fact]
    public void FillFromTheMarketsOwnOrder_LeavesAccountBelowMaintenance_LiquidatedAtOnce()
    {
        using var w = new FuturesWorld().Account("trader", usd: 1_000m);
        w.Limit("trader", Side.Buy, 0.4m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.Placed);
        w.Exchange.UpdateMarkPrice(FuturesWorld.Xbt, 97_700m);                     // an order alone has no maintenance margin
        w.Exchange.OpenOrders("trader").Count.ShouldBe(1);

        // The liquidity provider's path: the trading core directly, as a system account.
        var placed = w.Exchange.PlaceOrder(new SandboxOrderRequest("@market", TradingVenue.Futures, FuturesWorld.Xbt, Side.Sell, OrderKind.Limit, 0.4m, 100_000m));
        placed.Success.ShouldBeTrue(placed.Detail);
        placed.Value.Trades.Single().Volume.ShouldBe(0.4m);

        w.Size("trader").ShouldBe(0m);                                             // −920 at mark on 1,000 − 8 fee: below 390.80 maintenance
        w.Size(SystemAccounts.Insurance).ShouldBe(0.4m);
        w.Usd("trader").ShouldBe(1_000m - 8m - 920m);
        w.ShouldConserve();
    }

    [Fact]
    public void Positions_SurviveReopen_OnSqlite()
    {
        using var folder = new TempFolder();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        IReadOnlyList<FuturesPosition> before;
        using (var w = new FuturesWorld(new SqliteSandboxStore(folder.Path, syncEveryCommit: false)).Account("lp", usd: 1_000_000m).Account("t", usd: 10_000m))
        {
            w.Limit("lp", Side.Sell, 1m, 100_000m);
            w.Limit("t", Side.Buy, 0.3m, 100_000m);
            w.Limit("t", Side.Sell, 0.1m, 99_000m);
            w.Limit("lp", Side.Buy, 0.1m, 99_000m);
            before = [.. w.Exchange.Positions("t"), .. w.Exchange.Positions("lp")];
            before.Count.ShouldBe(2);
        }

        using var reopened = new SandboxExchange(new SqliteSandboxStore(folder.Path), time);
        reopened.Positions("t").Concat(reopened.Positions("lp")).ToList().ShouldBe(before);
    }

    private static string Snapshot(FuturesWorld w, string account)
    {
        var e = w.Exchange;
        var m = e.Margin(account);
        return string.Join(
            '\n',
            [
                .. e.Balances(account, Wallet.FuturesFlex).OrderBy(b => b.Key).Select(b => $"bal {b.Key} {b.Value}"),
                .. e.Positions(account).Select(p => $"pos {p}"),
                .. e.OpenOrders(account).Select(o => $"ord {o}"),
                $"margin {m} equity {m.Equity} available {m.AvailableMargin}",
                .. e.Ledger(account, new LedgerQuery(Limit: 1000)).Select(l => $"led {l}"),
            ]);
    }
}
