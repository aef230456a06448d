using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Strategies;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Strategies;

/// <summary>The fee-aware market maker through its SDK surface: scripted quotes and fills, a fake clock.</summary>
public sealed class SpotMarketMakerTests
{
    [Fact]
    public async Task Quotes_NeverNarrowerThanTwiceTheMakerFeePlusEdge_OnARandomMarket()
    {
        var makers = Gen.OneOfConst(0m, 0.02m, 0.04m, 0.10m, 0.16m, 0.25m);
        var path = Gen.Int[-25, 25].Array[20, 60];
        await Gen.Select(makers, Gen.Int[0, 10], Gen.Int[2, 40], path).SampleAsync(
            async (makerPercent, edgeBps, marketSpreadBps, steps) =>
            {
                using var run = MarketMaker(makerPercent, edgeBps);
                await run.StartAsync();
                var required = ((2m * makerPercent * 100m) + edgeBps) / 10_000m;
                var mid = 90_000m;
                foreach (var step in steps)
                {
                    mid *= 1m + (step / 10_000m);
                    await run.StepAtAsync(mid, marketSpreadBps);
                    var bids = run.Venue.Resting.Where(o => o.Side == OrderSide.Buy).Select(o => o.LimitPrice!.Value).ToList();
                    var asks = run.Venue.Resting.Where(o => o.Side == OrderSide.Sell).Select(o => o.LimitPrice!.Value).ToList();
                    if (bids.Count > 0 && asks.Count > 0)
                    {
                        var (bid, ask) = (bids.Max(), asks.Min());
                        (ask - bid).ShouldBeGreaterThanOrEqualTo(required * (ask + bid) / 2m, $"resting {bid}/{ask} at maker {makerPercent} %, edge {edgeBps} bp");
                    }
                }

                foreach (var (order, quote) in run.Venue.Orders)
                {
                    var distance = order.Side == OrderSide.Buy ? quote.Mid - order.LimitPrice!.Value : order.LimitPrice!.Value - quote.Mid;
                    distance.ShouldBeGreaterThanOrEqualTo(quote.Mid * makerPercent / 100m, $"{order.Side} at {order.LimitPrice} against mid {quote.Mid}: nearer than its own fee");
                }
            },
            iter: 40,
            threads: 1);
    }

    [Fact]
    public async Task MakerFeeFromTheVenue_SetsTheSpread_BaseTierQuotesOutsideTheMarket()
    {
        using var run = MarketMaker(makerPercent: 0.25m, edgeBps: 2m);
        await run.StartAsync();

        await run.StepAsync(89_995m, 90_005m);

        var bid = run.Venue.Orders.Single(o => o.Order.Side == OrderSide.Buy).Order.LimitPrice!.Value;
        var ask = run.Venue.Orders.Single(o => o.Order.Side == OrderSide.Sell).Order.LimitPrice!.Value;
        ((ask - bid) / 90_000m * 10_000m).ShouldBeGreaterThanOrEqualTo(52m);
        ((ask - bid) / 90_000m * 10_000m).ShouldBeLessThan(52.1m);
        run.Log.ShouldContain(l => l.Contains("maker fee 0.25 % → quotes at least 52 bp apart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ZeroMakerFee_QuotesTheEdgeInsideTheMarketSpread()
    {
        using var run = MarketMaker(makerPercent: 0m, edgeBps: 4m);
        await run.StartAsync();

        await run.StepAsync(89_955m, 90_045m);

        var bid = run.Venue.Orders.Single(o => o.Order.Side == OrderSide.Buy).Order.LimitPrice!.Value;
        var ask = run.Venue.Orders.Single(o => o.Order.Side == OrderSide.Sell).Order.LimitPrice!.Value;
        bid.ShouldBe(89_982m);
        ask.ShouldBe(90_018m);
    }

    [Fact]
    public async Task LongInventory_SkewsBothQuotesDown_TheAskOnlyItsFeeAboveTheMid()
    {
        using var run = MarketMaker(makerPercent: 0.10m, edgeBps: 2m, maxInventory: "0.01", requoteBps: "0.5");
        await run.StartAsync();
        await run.StepAsync(89_995m, 90_005m);
        var firstBid = run.Venue.Orders.Single(o => o.Order.Side == OrderSide.Buy).Order.LimitPrice!.Value;
        firstBid.ShouldBe(89_901m); // flat: half of 2 × 10 bp + 2 bp below the mid

        await run.StepAsync(firstBid - 10m, firstBid - 0.1m); // the market falls through the bid: bought 0.01
        run.Context.Position("XBTUSD").ShouldBe(0.01m);
        run.Time.Advance(TimeSpan.FromSeconds(5));
        await run.StepAsync(89_995m, 90_005m);

        // Full inventory: the bid the fee, the edge and the skew below; the ask only its maker fee above the mid.
        run.Venue.Orders.Last(o => o.Order.Side == OrderSide.Buy).Order.LimitPrice.ShouldBe(89_892m);
        run.Venue.Orders.Last(o => o.Order.Side == OrderSide.Sell).Order.LimitPrice.ShouldBe(90_090m);
    }

    [Fact]
    public async Task Fees_ReadAtStart_ThenOnlyAfterFifteenMinutes_AndANewTierChangesTheQuotes()
    {
        using var run = MarketMaker(makerPercent: 0.25m, edgeBps: 2m);
        await run.StartAsync();
        for (var i = 0; i < 120; i++)
        {
            await run.StepAsync(89_995m, 90_005m);
        }

        run.Venue.FeeReads.ShouldBe(1);
        run.Venue.Fees = new VenueFees("XBTUSD", 0.02m, 0.12m, 5_000_000m);
        run.Time.Advance(StrategyContext15Minutes);
        await run.StepAsync(89_995m, 90_005m);

        run.Venue.FeeReads.ShouldBe(2);
        var (bid, _) = run.Venue.Orders.Last(o => o.Order.Side == OrderSide.Buy);
        ((90_000m - bid.LimitPrice!.Value) / 90_000m * 10_000m).ShouldBeLessThan(4m); // half of 2 × 2 bp + 2 bp, rounded to the tick
    }

    private static readonly TimeSpan StrategyContext15Minutes = Bulkhead.Runtime.Sdk.StrategyContext.FeeRefresh;

    private static StrategyRun MarketMaker(decimal makerPercent, decimal edgeBps, string maxInventory = "0.1", string requoteBps = "") => new(
        new SpotMarketMaker(),
        SpotMarketMaker.Kind,
        "XBTUSD",
        Venue.Spot,
        new VenueFees("XBTUSD", makerPercent, makerPercent + 0.15m, null),
        new Dictionary<string, string> { ["edge_bps"] = edgeBps.ToString(System.Globalization.CultureInfo.InvariantCulture), ["order_size"] = "0.01", ["max_inventory"] = maxInventory, ["requote_bps"] = requoteBps }.Where(p => p.Value.Length > 0).ToDictionary(),
        new RiskLimits(1m, null, null));
}
