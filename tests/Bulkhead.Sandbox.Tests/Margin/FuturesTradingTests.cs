using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Margin;

public sealed class FuturesTradingTests
{
    [Fact]
    public void Fill_BothSidesGetPositions_FeesToFees_PnlToClearing()
    {
        using var w = new FuturesWorld().Account("lp", usd: 1_000_000m).Account("trader", usd: 10_000m);
        w.Limit("lp", Side.Sell, 1m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.Placed);
        var buy = w.Limit("trader", Side.Buy, 0.5m, 100_000m);
        buy.Verdict.ShouldBe(FuturesOrderVerdict.Filled);
        buy.Trades.Single().Fee.ShouldBe(25m);                        // 50,000 × 0.05 % taker
        w.Size("trader").ShouldBe(0.5m);
        w.Size("lp").ShouldBe(-0.5m);
        w.Usd("trader").ShouldBe(9_975m);
        w.Usd("lp").ShouldBe(1_000_000m - 10m);                       // maker 0.02 %

        var sell = w.Limit("trader", Side.Sell, 0.5m, 99_000m);       // rests: nobody bids
        sell.Verdict.ShouldBe(FuturesOrderVerdict.Placed);
        w.Limit("lp", Side.Buy, 0.5m, 99_000m).Verdict.ShouldBe(FuturesOrderVerdict.Filled);
        w.Size("trader").ShouldBe(0m);
        w.Usd("trader").ShouldBe(9_975m - 500m - 9.9m);               // realised −500, maker fee 0.02 % of 49,500
        w.Exchange.Balances(SystemAccounts.Clearing, Wallet.FuturesFlex).GetValueOrDefault("ZUSD").ShouldBe(0m);   // +500 from trader, −500 to lp
        w.Exchange.Balances(SystemAccounts.Fees, Wallet.FuturesFlex)["ZUSD"].ShouldBe(25m + 10m + 9.9m + 24.75m);
        w.ShouldConserve();
    }

    [Fact]
    public void ReduceOnly_TrimmedToPosition_RefusedWhenItWouldOpen()
    {
        using var w = new FuturesWorld().Account("lp", usd: 1_000_000m).Account("trader", usd: 10_000m);
        w.Send("trader", FuturesOrderKind.Limit, Side.Sell, 0.1m, 101_000m, reduceOnly: true).Verdict.ShouldBe(FuturesOrderVerdict.WouldNotReducePosition);
        w.Limit("lp", Side.Sell, 1m, 100_000m);
        w.Limit("trader", Side.Buy, 0.2m, 100_000m);
        w.Send("trader", FuturesOrderKind.Limit, Side.Buy, 0.1m, 99_000m, reduceOnly: true).Verdict.ShouldBe(FuturesOrderVerdict.WouldNotReducePosition);
        var trimmed = w.Send("trader", FuturesOrderKind.Limit, Side.Sell, 0.5m, 101_000m, reduceOnly: true);
        trimmed.Verdict.ShouldBe(FuturesOrderVerdict.Placed);
        trimmed.Order!.Volume.ShouldBe(0.2m);
        trimmed.ReducedQuantity.ShouldBe(0.3m);
        trimmed.Order.ReduceOnly.ShouldBeTrue();
        w.ShouldConserve();
    }

    [Fact]
    public void PostOnly_IocAndMarket_AsKrakenWordsThem()
    {
        using var w = new FuturesWorld().Account("lp", usd: 1_000_000m).Account("trader", usd: 10_000m);
        w.Send("trader", FuturesOrderKind.ImmediateOrCancel, Side.Buy, 0.1m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.IocWouldNotExecute);
        w.Send("trader", FuturesOrderKind.Market, Side.Buy, 0.1m).Verdict.ShouldBe(FuturesOrderVerdict.IocWouldNotExecute);
        w.Limit("lp", Side.Sell, 0.05m, 100_500m);
        w.Limit("lp", Side.Sell, 1m, 102_000m);                                      // beyond the 1 % protection
        w.Send("trader", FuturesOrderKind.PostOnly, Side.Buy, 0.1m, 100_500m).Verdict.ShouldBe(FuturesOrderVerdict.PostWouldExecute);
        var market = w.Send("trader", FuturesOrderKind.Market, Side.Buy, 0.1m);
        market.Verdict.ShouldBe(FuturesOrderVerdict.PartiallyFilled);
        market.Order!.Price.ShouldBe(101_000m);                                       // mark 100,000 + 1 %
        w.Size("trader").ShouldBe(0.05m);
        w.Send("trader", FuturesOrderKind.PostOnly, Side.Buy, 0.1m, 99_000m).Verdict.ShouldBe(FuturesOrderVerdict.Placed);
        w.Exchange.OpenOrders("trader", TradingVenue.Futures).Count.ShouldBe(1);
        w.ShouldConserve();
    }

    [Fact]
    public void Margin_TooLargeOrder_InsufficientAvailableFunds_NothingChanges()
    {
        using var w = new FuturesWorld().Account("trader", usd: 1_000m);
        // 0.5 XBT at 100,000 = 50,000 notional → 1,000 initial margin + fee: more than 1,000 equity.
        w.Limit("trader", Side.Buy, 0.5m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.InsufficientAvailableFunds);
        w.Exchange.OpenOrders("trader").ShouldBeEmpty();
        w.Limit("trader", Side.Buy, 0.4m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.Placed);
        w.Exchange.Margin("trader").InitialMarginWithOrders.ShouldBe(800m);
        w.Limit("trader", Side.Buy, 0.1m, 100_000m).Verdict.ShouldBe(FuturesOrderVerdict.InsufficientAvailableFunds);
        w.Limit("trader", Side.Sell, 0.4m, 110_000m).Verdict.ShouldBe(FuturesOrderVerdict.Placed);      // the other side: max, not sum
        w.Exchange.Withdraw("trader", Wallet.FuturesFlex, "ZUSD", 300m).Success.ShouldBeFalse();      // margin is kept
        w.Exchange.Withdraw("trader", Wallet.FuturesFlex, "ZUSD", 200m).Success.ShouldBeTrue();
    }

    [Fact]
    public void ClientOrderId_Unique_CancelAndEdit()
    {
        using var w = new FuturesWorld().Account("trader", usd: 10_000m);
        var placed = w.Limit("trader", Side.Buy, 0.01m, 90_000m, clientId: "a1");
        w.Limit("trader", Side.Buy, 0.01m, 90_000m, clientId: "a1").Verdict.ShouldBe(FuturesOrderVerdict.ClientOrderIdAlreadyExist);
        var edited = w.Exchange.EditFuturesOrder("trader", placed.Order!.Id, 0.02m, 91_000m);
        edited.Verdict.ShouldBe(FuturesOrderVerdict.Edited);
        edited.Order!.Id.ShouldBe(placed.Order.Id);
        edited.Order.Remaining.ShouldBe(0.02m);
        w.Exchange.CancelFuturesOrder("trader", placed.Order.Id).Verdict.ShouldBe(FuturesOrderVerdict.Cancelled);
        w.Exchange.CancelFuturesOrder("trader", placed.Order.Id).Verdict.ShouldBe(FuturesOrderVerdict.NotFound);
        w.Exchange.FindFuturesOrderByClientId("trader", "a1")!.Id.ShouldBe(placed.Order.Id);
    }

    [Fact]
    public void TradingSwitchedOff_MarketSuspended()
    {
        using var w = new FuturesWorld().Account("desk").Account("sub", "desk", usd: 10_000m);
        w.Exchange.SetFuturesTradingEnabled("sub", false);
        w.Limit("sub", Side.Buy, 0.01m, 90_000m).Verdict.ShouldBe(FuturesOrderVerdict.MarketSuspended);
    }

    [Fact]
    public void MaxPosition_BeyondTheInstrumentsLimit_MaxPositionViolation()
    {
        using var w = new FuturesWorld().Account("whale", usd: 20_000_000_000m);
        w.Limit("whale", Side.Buy, 10_000_001m, 1m, FuturesWorld.Eth).Verdict.ShouldBe(FuturesOrderVerdict.MaxPositionViolation);
        w.Limit("whale", Side.Buy, 10_000_000m, 1m, FuturesWorld.Eth).Verdict.ShouldBe(FuturesOrderVerdict.Placed);
    }

    [Fact]
    public void Fees_FuturesTable_TierByConsolidatedMasterPlusSubaccountVolume()
    {
        using var w = new FuturesWorld().Account("lp", usd: 1_000_000m).Account("desk").Account("one", "desk", usd: 10_000m).Account("two", "desk", usd: 10_000m);
        w.Exchange.SetVolume("one", 60_000m).Success.ShouldBeTrue();
        w.Exchange.SetVolume("two", 39_000m).Success.ShouldBeTrue();       // together 99,000: below the 100,000 tier
        w.Limit("lp", Side.Sell, 1m, 100_000m);
        w.Limit("one", Side.Buy, 0.01m, 100_000m).Trades.Single().Fee.ShouldBe(0.5m);    // 1,000 × 0.05 %: the group is now at 100,000
        w.Limit("two", Side.Buy, 0.01m, 100_000m).Trades.Single().Fee.ShouldBe(0.4m);    // 0.04 % for the sibling too
        w.ShouldConserve();
    }
}
