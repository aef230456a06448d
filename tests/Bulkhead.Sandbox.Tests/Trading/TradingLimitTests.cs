using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Trading;

public sealed class TradingLimitTests : IDisposable
{
    private readonly TradingFixture _f = new();

    public TradingLimitTests()
    {
        _f.Fund("mm", "ZUSD", 100_000m);
        _f.Fund("dir", "ZUSD", 100_000m);
        _f.Exchange.TradingLimits = new SpotTradingLimits(20m, 1m, 5);
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public void AddCostsOne_CancelPenaltyFallsWithAge()
    {
        var young = TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.001m, 10_000m));
        _f.Exchange.TradingCounter("mm", "XBTUSD").ShouldBe(1m);
        _f.Exchange.CancelOrder("mm", young.Id).Success.ShouldBeTrue();
        _f.Exchange.TradingCounter("mm", "XBTUSD").ShouldBe(1m + SpotTradingCosts.CancelPenalty(TimeSpan.Zero));

        var old = TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.001m, 10_000m));
        _f.Time.Advance(TimeSpan.FromSeconds(400)); // the counter decays to 0, the order is past every penalty
        _f.Exchange.CancelOrder("mm", old.Id).Success.ShouldBeTrue();
        _f.Exchange.TradingCounter("mm", "XBTUSD").ShouldBe(0m);
    }

    [Fact]
    public void AmendAndEdit_ChargeKrakensOwnCostsByAge()
    {
        var order = TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.001m, 10_000m));
        _f.Exchange.AmendOrder("mm", order.Id, 0.002m, null).Success.ShouldBeTrue();
        _f.Exchange.TradingCounter("mm", "XBTUSD").ShouldBe(1m + SpotTradingCosts.AmendCost(TimeSpan.Zero));   // 1 + (1 + 3)

        _f.Time.Advance(TimeSpan.FromSeconds(12));                                                               // the counter decays by 12
        _f.Exchange.EditOrder("mm", order.Id, 0.003m, null).Success.ShouldBeTrue();
        _f.Exchange.TradingCounter("mm", "XBTUSD").ShouldBe(SpotTradingCosts.EditCost(TimeSpan.FromSeconds(12))); // 1 + 4
        SpotTradingCosts.EditCost(TimeSpan.FromSeconds(12)).ShouldBe(5m);
    }

    [Fact]
    public void OverTheThreshold_AddRefused_CancelStillAllowed_SubaccountUnaffected()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.001m, 10_000m)).Id);
        }

        _f.Limit("mm", Side.Buy, 0.001m, 10_000m).Rejection.ShouldBe(SandboxRejection.OrdersLimitExceeded);
        _f.Exchange.CancelOrder("mm", ids[0]).Success.ShouldBeTrue();
        _f.Exchange.CancelOrder("mm", ids[1]).Success.ShouldBeTrue(); // 5 + 8 + 8 = 21: capped at 20, never refused
        _f.Exchange.TradingCounter("mm", "XBTUSD").ShouldBe(20m);
        _f.Limit("mm", Side.Buy, 0.001m, 10_000m).Rejection.ShouldBe(SandboxRejection.OrderRateLimitExceeded);
        _f.Exchange.OpenOrders("mm").Count.ShouldBe(3);

        TradingFixture.Placed(_f.Limit("dir", Side.Buy, 0.001m, 10_000m)); // its own counter
        TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.01m, 1_000m, "XETHZUSD")); // per pair
        _f.Time.Advance(TimeSpan.FromSeconds(2));
        TradingFixture.Placed(_f.Limit("mm", Side.Buy, 0.001m, 10_000m)); // decayed by 2
    }
}
