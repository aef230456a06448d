using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Strategies;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Strategies;

/// <summary>
/// The trend strategies (futures-directional, spot-momentum) through their SDK surface with scripted quotes and fills:
/// they do not churn — bounded trades on a noisy flat market, no turn within the holding time, no entry on a move the
/// round-trip taker fee eats, sizes within the risk limits. A newcomer's demo once showed the old futures strategy
/// paying 68 USD of fees on 35 fills in 60 seconds (issue #16).
/// </summary>
public sealed class TrendStrategyTests
{
    private const int Seconds = 600;
    private static readonly TimeSpan MinHold = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Cooldown = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task FuturesDirectional_NoisyFlatMarket_TradesAtMostNTimes_NeverTurnsWithinItsHoldingTime()
    {
        // Most trades possible: every round trip takes the holding time, every order waits the cooldown.
        var most = 2 * ((Seconds / (int)(MinHold + Cooldown).TotalSeconds) + 1);
        await Gen.Int[0, 40].Array[Seconds].SampleAsync(
            async noise =>
            {
                using var run = Futures(takerPercent: 0.05m);
                await run.StartAsync();
                foreach (var bps in noise)
                {
                    await run.StepAtAsync(90_000m * (1m + ((bps - 20) / 10_000m)), spreadBps: 2m);
                }

                run.Venue.Orders.Count.ShouldBeLessThanOrEqualTo(most);
                AssertNoTurnWithinHold(run.Venue.Orders);
            },
            iter: 8,
            threads: 1);
    }

    [Fact]
    public async Task FuturesDirectional_NoiseTheFeeEats_NeverTrades()
    {
        using var run = Futures(takerPercent: 0.05m); // round trip 10 bp, fee_cover 2: entry at 20 bp
        await run.StartAsync();
        for (var i = 0; i < Seconds; i++)
        {
            await run.StepAtAsync(90_000m * (1m + ((i * 7 % 19) - 9) / 10_000m), spreadBps: 2m); // ±9 bp: moves up to 18 bp
        }

        run.Venue.Orders.ShouldBeEmpty();
    }

    [Fact]
    public async Task FuturesDirectional_MoveSmallerThanTheFeeGate_Waits_ACheaperTierTrades()
    {
        async Task<int> OrdersAtAsync(decimal takerPercent)
        {
            using var run = Futures(takerPercent);
            await run.StartAsync();
            for (var i = 0; i < 90; i++)
            {
                await run.StepAtAsync(90_000m * (1m + (Math.Min(i, 30) * 0.5m / 10_000m)), spreadBps: 2m); // +15 bp over 30 s, then flat
            }

            return run.Venue.Orders.Count;
        }

        (await OrdersAtAsync(0.05m)).ShouldBe(0); // entry max(10, 2 × 2 × 5) = 20 bp > 15 bp
        (await OrdersAtAsync(0.02m)).ShouldBe(1); // entry max(10, 2 × 2 × 2) = 10 bp < 15 bp
    }

    [Fact]
    public async Task FuturesDirectional_Trend_SizedWithinTheRiskLimits()
    {
        using var run = Futures(takerPercent: 0.02m, new RiskLimits(0.3m, 18_000m, null));
        await run.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            await run.StepAtAsync(90_000m * (1m + (i * 2m / 10_000m)), spreadBps: 2m);
        }

        var (order, quote) = run.Venue.Orders.ShouldHaveSingleItem();
        order.Side.ShouldBe(OrderSide.Buy);
        (order.Quantity * quote.Ask).ShouldBeLessThanOrEqualTo(18_000m);
        order.Quantity.ShouldBeGreaterThan(0.19m);
        run.Context.Position("PF_XBTUSD").ShouldBe(order.Quantity);
    }

    [Fact]
    public async Task FuturesDirectional_TrendThenReversal_ClosesReduceOnlyAfterTheHold_ThenOpensTheOtherWay()
    {
        using var run = Futures(takerPercent: 0.02m);
        await run.StartAsync();
        var mid = 90_000m;
        for (var i = 0; i < 200; i++)
        {
            mid *= 1m + ((i < 40 ? 2m : -2m) / 10_000m); // up 40 s, then down
            await run.StepAtAsync(mid, spreadBps: 2m);
        }

        var orders = run.Venue.Orders.Select(o => o.Order).ToList();
        orders.Select(o => (o.Side, o.ReduceOnly)).ShouldBe([(OrderSide.Buy, false), (OrderSide.Sell, true), (OrderSide.Sell, false)]);
        AssertNoTurnWithinHold(run.Venue.Orders);
        run.Context.Position("PF_XBTUSD").ShouldBe(-0.5m);
    }

    [Fact]
    public async Task SpotMomentum_NoisyFlatMarket_AtTheBaseTier_NeverPaysTheTakerFee()
    {
        await Gen.Int[0, 60].Array[300].SampleAsync(
            async noise =>
            {
                using var run = Momentum(takerPercent: 0.40m); // round trip 80 bp: entry at 160 bp
                await run.StartAsync();
                foreach (var bps in noise)
                {
                    await run.StepAtAsync(3_000m * (1m + ((bps - 30) / 10_000m)), spreadBps: 2m);
                }

                run.Venue.Orders.ShouldBeEmpty();
            },
            iter: 5,
            threads: 1);
    }

    [Fact]
    public async Task SpotMomentum_NoisyFlatMarket_AtALowTier_BoundedAndHeld()
    {
        var most = 2 * ((300 / (int)(MinHold + Cooldown).TotalSeconds) + 1);
        await Gen.Int[0, 80].Array[300].SampleAsync(
            async noise =>
            {
                using var run = Momentum(takerPercent: 0.10m);
                await run.StartAsync();
                foreach (var bps in noise)
                {
                    await run.StepAtAsync(3_000m * (1m + ((bps - 40) / 10_000m)), spreadBps: 2m);
                }

                run.Venue.Orders.Count.ShouldBeLessThanOrEqualTo(most);
                AssertNoTurnWithinHold(run.Venue.Orders);
            },
            iter: 5,
            threads: 1);
    }

    [Fact]
    public async Task NoFeeVenue_StrategiesPriceAtThePublishedBaseTier()
    {
        using var futures = Futures(takerPercent: 0.01m, feeVenue: false);
        (await futures.Context.FeesAsync("PF_XBTUSD", TestContext.Current.CancellationToken)).ShouldBe(new VenueFees("PF_XBTUSD", 0.02m, 0.05m, null));
        using var spot = Momentum(takerPercent: 0.01m, feeVenue: false);
        (await spot.Context.FeesAsync("ETHUSD", TestContext.Current.CancellationToken)).ShouldBe(new VenueFees("ETHUSD", 0.25m, 0.40m, null));
        futures.Venue.FeeReads.ShouldBe(0);
    }

    /// <summary>Replays the orders: a reducing order comes at least the holding time after the position opened, never flips it, and orders are a cooldown apart.</summary>
    private static void AssertNoTurnWithinHold(List<(VenueOrderRequest Order, Runtime.Venues.MarketQuote Quote)> orders)
    {
        var position = 0m;
        var openedAt = DateTimeOffset.MinValue;
        DateTimeOffset? last = null;
        foreach (var (order, quote) in orders)
        {
            if (last is { } previous)
            {
                (quote.Time - previous).ShouldBeGreaterThanOrEqualTo(Cooldown);
            }

            var signed = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
            if (position != 0m && Math.Sign(signed) != Math.Sign(position))
            {
                (quote.Time - openedAt).ShouldBeGreaterThanOrEqualTo(MinHold, $"reduced {position} at {quote.Time:T}, opened {openedAt:T}");
                Math.Abs(signed).ShouldBeLessThanOrEqualTo(Math.Abs(position), "a reducing order never turns the position by itself");
            }
            else if (position == 0m)
            {
                openedAt = quote.Time;
            }

            position += signed;
            last = quote.Time;
        }
    }

    private static StrategyRun Futures(decimal takerPercent, RiskLimits? risk = null, bool feeVenue = true) => new(
        new FuturesDirectional(),
        FuturesDirectional.Kind,
        "PF_XBTUSD",
        Venue.Futures,
        new VenueFees("PF_XBTUSD", takerPercent / 2m, takerPercent, null),
        new Dictionary<string, string>(),
        risk ?? new RiskLimits(2m, 200_000m, null),
        feeVenue);

    private static StrategyRun Momentum(decimal takerPercent, bool feeVenue = true) => new(
        new SpotMomentum(),
        SpotMomentum.Kind,
        "ETHUSD",
        Venue.Spot,
        new VenueFees("ETHUSD", takerPercent / 2m, takerPercent, null),
        new Dictionary<string, string> { ["target_position"] = "0.2" },
        new RiskLimits(10m, 40_000m, null),
        feeVenue);
}
