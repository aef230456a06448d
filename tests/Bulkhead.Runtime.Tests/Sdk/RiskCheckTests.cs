using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Sdk;

/// <summary>The pre-trade risk check: what passes, what is a breach, and that it agrees with the headroom it reports.</summary>
public sealed class RiskCheckTests
{
    private static readonly RiskLimits Limits = new(MaxPosition: 0.5m, MaxNotionalUsd: 30_000m, MaxDrawdownUsd: 100m);

    [Fact]
    public void OrderBeyondMaxPosition_CountingRestingOrders_IsABreachNamingTheLimit()
    {
        RiskCheck.Evaluate(Limits, "XBTUSD", 0.3m, 0.1m, OrderSide.Buy, 0.2m, 50_000m, 0m)!.ShouldStartWith("risk: buy 0.2 XBTUSD would take the position to 0.6");
        RiskCheck.Evaluate(Limits, "XBTUSD", 0.3m, 0m, OrderSide.Buy, 0.2m, 50_000m, 0m).ShouldBeNull();
    }

    [Fact]
    public void OrderBeyondMaxNotional_IsABreach()
    {
        RiskCheck.Evaluate(Limits, "XBTUSD", 0m, 0m, OrderSide.Sell, 0.4m, 90_000m, 0m)!.ShouldContain("max_notional_usd 30000");
    }

    [Fact]
    public void Drawdown_StopsNewExposure_ButNotAReducingOrder()
    {
        RiskCheck.Evaluate(Limits, "XBTUSD", 0.1m, 0m, OrderSide.Buy, 0.01m, 100m, 150m)!.ShouldStartWith("risk: drawdown 150");
        RiskCheck.Evaluate(Limits, "XBTUSD", 0.1m, 0m, OrderSide.Sell, 0.1m, 100m, 150m).ShouldBeNull();
    }

    [Fact]
    public void NoLimits_EverythingPasses() =>
        RiskCheck.Evaluate(null, "XBTUSD", 100m, 100m, OrderSide.Buy, 100m, 100_000m, 1_000_000m).ShouldBeNull();

    [Fact]
    public void Property_ReducingOrdersAlwaysPass_AndAnOrderWithinHeadroomNeverBreachesPositionOrNotional()
    {
        var gen = Gen.Select(Gen.Int[-100, 100], Gen.Int[0, 50], Gen.Bool, Gen.Int[1, 100], Gen.Int[1_000, 100_000]);
        gen.Sample((position, resting, buy, quantity, price) =>
        {
            var limits = new RiskLimits(0.5m, 30_000m, null);
            var (pos, rest, qty) = (position / 100m, resting / 100m, quantity / 100m);
            var side = buy ? OrderSide.Buy : OrderSide.Sell;
            var after = pos + (buy ? qty : -qty);
            var verdict = RiskCheck.Evaluate(limits, "X", pos, rest, side, qty, price, 0m);
            if (Math.Abs(after) <= Math.Abs(pos) && Math.Sign(after) * Math.Sign(pos) >= 0)
            {
                verdict.ShouldBeNull();
            }

            if (RiskCheck.Headroom(limits, pos, rest, side, price) is { } room && qty <= room)
            {
                verdict.ShouldBeNull();
            }
        });
    }
}
