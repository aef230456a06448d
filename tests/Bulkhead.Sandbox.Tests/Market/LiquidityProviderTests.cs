using Bulkhead.Sandbox.Market;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class LiquidityProviderTests
{
    public static TheoryData<string> Symbols() => [.. MarketInstrument.All.Select(i => i.Symbol)];

    [Theory]
    [MemberData(nameof(Symbols))]
    public void Quote_Defaults_FullLadderOnTickAndLotNotCrossed(string symbol)
    {
        var options = new MarketOptions();
        var prices = new MarketPrices(options);
        var instrument = MarketInstrument.All.Single(i => i.Symbol == symbol);
        var ladder = new LiquidityProvider(options).Quote(instrument, prices.Reference(instrument), prices.UsdPrice(instrument.Base));

        ladder.Bids.Count.ShouldBe(options.DepthLevels);
        ladder.Asks.Count.ShouldBe(options.DepthLevels);
        AssertWellFormed(instrument, ladder);
        ladder.Bids[0].Price.ShouldBeLessThan(prices.Reference(instrument));
        ladder.Asks[0].Price.ShouldBeGreaterThan(prices.Reference(instrument));
    }

    [Fact]
    public void Quote_AnyPriceAndOptions_OnTickAndLotAboveMinimumsNotCrossed()
    {
        // Decimals as integers scaled down: factor 0.001–1000, spread 0–200 bp, spacing 0.1–200 bp, notional 1–100,000 USD.
        var gen = Gen.Select(Gen.Int[0, MarketInstrument.All.Count - 1], Gen.Int[1, 1_000_000], Gen.Int[0, 2_000], Gen.Int[1, 2_000], Gen.Int[1, 30], Gen.Int[1, 100_000]);
        gen.Sample((index, factorMilli, spreadTenths, spacingTenths, levels, notional) =>
        {
            var factor = factorMilli / 1000m;
            var spread = spreadTenths / 10m;
            var spacing = spacingTenths / 10m;
            var instrument = MarketInstrument.All[index];
            var options = new MarketOptions { SpreadBps = spread, LevelSpacingBps = spacing, DepthLevels = levels, LevelNotionalUsd = notional };
            var prices = new MarketPrices(options);
            var reference = Math.Round(prices.Reference(instrument) * factor, 10);
            var ladder = new LiquidityProvider(options).Quote(instrument, reference, prices.UsdPrice(instrument.Base) * factor);
            ladder.Asks.Count.ShouldBe(levels);
            ladder.Bids.Count.ShouldBeLessThanOrEqualTo(levels);
            AssertWellFormed(instrument, ladder);
        }, iter: 2_000);
    }

    [Fact]
    public void Quote_SameSeed_SameQuotesStepAfterStep()
    {
        var a = Ladders(new MarketOptions { Seed = 11 }, 200);
        var b = Ladders(new MarketOptions { Seed = 11 }, 200);
        a.ShouldBe(b);
        Ladders(new MarketOptions { Seed = 12 }, 200).ShouldNotBe(a);
    }

    [Fact]
    public void Quote_SmallMove_KeepsMostLevels()
    {
        var options = new MarketOptions();
        var provider = new LiquidityProvider(options);
        var instrument = MarketInstrument.All.Single(i => i.Symbol == "XXBTZUSD");
        var before = provider.Quote(instrument, 90_000m, 90_000m);
        var after = provider.Quote(instrument, 90_030m, 90_000m);
        before.Bids.Select(l => l.Price).Intersect(after.Bids.Select(l => l.Price)).Count().ShouldBeGreaterThanOrEqualTo(options.DepthLevels - 1);
        before.Asks.Select(l => l.Price).Intersect(after.Asks.Select(l => l.Price)).Count().ShouldBeGreaterThanOrEqualTo(options.DepthLevels - 1);
    }

    [Fact]
    public void Quote_XbtUsdAt90000_GridOf50UsdAndLevelsWorth5000Usd()
    {
        var instrument = MarketInstrument.All.Single(i => i.Symbol == "XXBTZUSD");
        var ladder = new LiquidityProvider(new MarketOptions()).Quote(instrument, 90_000m, 90_000m);
        ladder.Bids[0].ShouldBe(new MarketLevel(89_950m, 0.05555555m));
        ladder.Asks[0].ShouldBe(new MarketLevel(90_050m, 0.05555555m));
        ladder.Bids[1].Price.ShouldBe(89_900m);
        ladder.Asks[1].Price.ShouldBe(90_100m);
    }

    [Fact]
    public void Quote_UsdtUsdTinyNotional_RaisedToTheMinimumVolumeAndCost()
    {
        var instrument = MarketInstrument.All.Single(i => i.Symbol == "USDTZUSD");
        var ladder = new LiquidityProvider(new MarketOptions { LevelNotionalUsd = 1m }).Quote(instrument, 1m, 1m);
        ladder.Asks.ShouldAllBe(l => l.Volume == instrument.MinVolume);
        ladder.Bids[0].ShouldBe(new MarketLevel(0.9995m, 5.00250126m)); // 5 USD minimum cost at 0.9995, rounded up to the lot
    }

    internal static void AssertWellFormed(MarketInstrument instrument, QuoteLadder ladder)
    {
        foreach (var level in ladder.Bids.Concat(ladder.Asks))
        {
            (level.Price % instrument.TickSize).ShouldBe(0m);
            level.Price.ShouldBeGreaterThan(0m);
            Math.Round(level.Volume, instrument.LotDecimals).ShouldBe(level.Volume);
            level.Volume.ShouldBeGreaterThanOrEqualTo(instrument.MinVolume);
            (level.Volume * level.Price).ShouldBeGreaterThanOrEqualTo(instrument.MinCost);
        }

        ladder.Bids.Select(l => l.Price).ShouldBe(ladder.Bids.Select(l => l.Price).OrderDescending().Distinct());
        ladder.Asks.Select(l => l.Price).ShouldBe(ladder.Asks.Select(l => l.Price).Order().Distinct());
        if (ladder.Bids.Count > 0)
        {
            ladder.Bids[0].Price.ShouldBeLessThan(ladder.Asks[0].Price);
        }
    }

    private static List<MarketLevel> Ladders(MarketOptions options, int steps)
    {
        var prices = new MarketPrices(options);
        var provider = new LiquidityProvider(options);
        var levels = new List<MarketLevel>();
        for (var i = 0; i < steps; i++)
        {
            prices.Step();
            foreach (var instrument in MarketInstrument.All)
            {
                var ladder = provider.Quote(instrument, prices.Reference(instrument), prices.UsdPrice(instrument.Base));
                levels.AddRange(ladder.Bids);
                levels.AddRange(ladder.Asks);
            }
        }

        return levels;
    }
}
