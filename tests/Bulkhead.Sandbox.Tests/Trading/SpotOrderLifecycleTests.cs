using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Trading;

public sealed class SpotOrderLifecycleTests : IDisposable
{
    private readonly TradingFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void LimitBuy_Rests_HoldsQuoteWithMaxFee()
    {
        _f.Fund("mm", "ZUSD", 10_000m);

        var order = TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.1m, 50_000m));

        order.Status.ShouldBe(SandboxOrderStatus.Open);
        order.Id.ShouldMatch("^O[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{6}$");
        _f.Hold("mm", "ZUSD").ShouldBe(5_020m); // 5000 + 0.40 % taker fee cap
        _f.Balance("mm", "ZUSD").ShouldBe(10_000m);
        _f.Exchange.OpenOrders("mm").ShouldHaveSingleItem().Id.ShouldBe(order.Id);
        _f.ShouldConserve();
    }

    [Fact]
    public void LimitBuy_MoreThanAvailable_InsufficientFundsAndNothingChanges()
    {
        _f.Fund("mm", "ZUSD", 5_000m);
        TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.05m, 50_000m));
        var before = _f.Exchange.AllOrders().Count;

        var result = _f.Limit("mm", Side.Buy, 0.05m, 50_000m);

        result.Rejection.ShouldBe(SandboxRejection.InsufficientFunds);
        _f.Exchange.AllOrders().Count.ShouldBe(before);
        _f.Exchange.Withdraw("desk", Wallet.Spot, "ZUSD", 1m).Rejection.ShouldBe(SandboxRejection.InsufficientFunds);
    }

    [Fact]
    public void Cross_BooksBothSidesAndFees_UnderOneRefid()
    {
        _f.Fund("mm", "ZUSD", 10_000m);
        _f.Fund("other", "XXBT", 1m);
        var bid = TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.1m, 50_000m));

        var sell = _f.Exchange.PlaceOrder(new SandboxOrderRequest("other", TradingVenue.Spot, "XBTUSD", Side.Sell, OrderKind.Market, 0.04m));

        sell.Success.ShouldBeTrue(sell.Detail);
        var trade = sell.Value.Trades.ShouldHaveSingleItem();
        (trade.Price, trade.Volume, trade.Cost, trade.IsMaker).ShouldBe((50_000m, 0.04m, 2_000m, false));
        trade.Fee.ShouldBe(8m); // taker 0.40 % in the quote
        sell.Value.Order.Status.ShouldBe(SandboxOrderStatus.Closed);
        var maker = _f.Exchange.FindOrder("mm", bid.Id)!;
        (maker.Executed, maker.Cost, maker.Fee, maker.Status).ShouldBe((0.04m, 2_000m, 5m, SandboxOrderStatus.Open));
        _f.Balance("mm", "XXBT").ShouldBe(0.04m);
        _f.Balance("mm", "ZUSD").ShouldBe(10_000m - 2_000m - 5m);
        _f.Hold("mm", "ZUSD").ShouldBe(5_020m - 2_005m);
        _f.Balance("other", "ZUSD").ShouldBe(2_000m - 8m);
        _f.Balance(SystemAccounts.Fees, "ZUSD").ShouldBe(13m);
        var movement = _f.Exchange.Movement(trade.Id);
        movement.ShouldAllBe(e => e.Type == LedgerEntryType.Trade);
        movement.Count.ShouldBe(6); // each side: base, quote, its fee to @fees
        _f.ShouldConserve();
    }

    [Fact]
    public void FeeInBase_ChargesBaseAndHoldsNoFeeInQuote()
    {
        _f.Fund("mm", "ZUSD", 10_000m);
        _f.Fund("other", "XXBT", 1m);
        TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.1m, 50_000m, flags: SandboxOrderConditions.FeeInBase));
        _f.Hold("mm", "ZUSD").ShouldBe(5_000m);

        TradingFixture.Placed(_f.Limit("other", Side.Sell, 0.1m, 50_000m));

        _f.Balance("mm", "XXBT").ShouldBe(0.1m - 0.00025m);
        _f.Balance("mm", "ZUSD").ShouldBe(5_000m);
        _f.Balance(SystemAccounts.Fees, "XXBT").ShouldBe(0.00025m);
        _f.Hold("mm", "ZUSD").ShouldBe(0m);
        _f.ShouldConserve();
    }

    [Fact]
    public void PostOnly_WouldTake_IsCanceledWithReason()
    {
        _f.Fund("mm", "ZUSD", 10_000m);
        _f.Fund("other", "XXBT", 1m);
        TradingFixture.Placed(_f.Limit("other", Side.Sell, 0.1m, 50_000m));

        var order = TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.1m, 50_000m, flags: SandboxOrderConditions.PostOnly));

        (order.Status, order.Reason, order.Executed).ShouldBe((SandboxOrderStatus.Canceled, CancelReasons.PostOnly, 0m));
        _f.Hold("mm", "ZUSD").ShouldBe(0m);
    }

    [Fact]
    public void Cancel_ReleasesHold_AndUnknownIsRefused()
    {
        _f.Fund("mm", "ZUSD", 10_000m);
        var order = TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.1m, 50_000m));

        var cancelled = _f.Exchange.CancelOrder("mm", order.Id);

        cancelled.Value!.Status.ShouldBe(SandboxOrderStatus.Canceled);
        _f.Hold("mm", "ZUSD").ShouldBe(0m);
        _f.Exchange.CancelOrder("mm", order.Id).Rejection.ShouldBe(SandboxRejection.UnknownOrder);
        _f.Exchange.ClosedOrders("mm").ShouldHaveSingleItem().Reason.ShouldBe(CancelReasons.User);
    }

    [Fact]
    public void Amend_KeepsTxid_Edit_ReplacesIt()
    {
        _f.Fund("mm", "ZUSD", 20_000m);
        var order = TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.1m, 50_000m));

        var amended = _f.Exchange.AmendOrder("mm", order.Id, 0.2m, 49_000m);
        amended.Success.ShouldBeTrue(amended.Detail);
        amended.Value.Order.Id.ShouldBe(order.Id);
        _f.Hold("mm", "ZUSD").ShouldBe(9_839.2m);

        var edited = _f.Exchange.EditOrder("mm", order.Id, 0.1m, 48_000m);
        edited.Success.ShouldBeTrue(edited.Detail);
        edited.Value.Order.Id.ShouldNotBe(order.Id);
        edited.Value.Cancelled.ShouldHaveSingleItem().Reason.ShouldBe(CancelReasons.Replaced);
        _f.Exchange.OpenOrders("mm").ShouldHaveSingleItem().Price.ShouldBe(48_000m);
        _f.Hold("mm", "ZUSD").ShouldBe(4_819.2m);
        _f.ShouldConserve();
    }

    [Fact]
    public void InvalidInputs_AreRefusedWithTheirReasons()
    {
        _f.Fund("mm", "ZUSD", 10_000m);
        _f.Limit("mm", Side.Buy, 0.000000001m, 50_000m).Rejection.ShouldBe(SandboxRejection.InvalidVolume);
        _f.Limit("mm", Side.Buy, 0.1m, 50_000.05m).Rejection.ShouldBe(SandboxRejection.InvalidPrice);
        _f.Limit("mm", Side.Buy, 0.00001m, 50_000m).Rejection.ShouldBe(SandboxRejection.OrderMinimumNotMet);
        _f.Limit("mm", Side.Buy, 0.1m, 1m, "NOPE").Rejection.ShouldBe(SandboxRejection.UnknownPair);
        _f.Exchange.AllOrders().ShouldBeEmpty();
    }

    [Fact]
    public void SelfTrade_CancelsNewest()
    {
        _f.Fund("mm", "ZUSD", 10_000m);
        _f.Fund("mm", "XXBT", 1m);
        var ask = TradingFixture.Placed(_f.Limit("mm", Side.Sell, 0.1m, 50_000m));

        var bid = TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.1m, 50_000m));

        bid.Status.ShouldBe(SandboxOrderStatus.Canceled);
        _f.Exchange.FindOrder("mm", ask.Id)!.IsOpen.ShouldBeTrue();
        _f.Exchange.AllTrades().ShouldBeEmpty();
    }
}
