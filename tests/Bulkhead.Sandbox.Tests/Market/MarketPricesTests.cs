using Bulkhead.Sandbox.Market;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class MarketPricesTests
{
    [Fact]
    public void Reference_CrossPairs_AgreeWithTheUsdPaths()
    {
        var prices = new MarketPrices(new MarketOptions());
        for (var i = 0; i < 100; i++)
        {
            prices.Step();
        }

        var xbtEur = MarketInstrument.All.Single(x => x.Symbol == "XXBTZEUR");
        var ethXbt = MarketInstrument.All.Single(x => x.Symbol == "XETHXXBT");
        var perp = MarketInstrument.All.Single(x => x.Symbol == "PF_XBTUSD");
        prices.Reference(xbtEur).ShouldBe(prices.UsdPrice("XXBT") / prices.UsdPrice("ZEUR"));
        prices.Reference(ethXbt).ShouldBe(prices.UsdPrice("XETH") / prices.UsdPrice("XXBT"));
        prices.Reference(perp).ShouldBe(prices.UsdPrice("XXBT"));
        prices.UsdPrice("ZUSD").ShouldBe(1m);
        prices.Steps.ShouldBe(100);
    }

    [Fact]
    public void Step_Defaults_MovesEveryAssetButUsd()
    {
        var prices = new MarketPrices(new MarketOptions());
        var before = new[] { "XXBT", "XETH", "ZEUR", "USDT" }.ToDictionary(a => a, prices.UsdPrice);
        prices.Step();
        foreach (var (asset, price) in before)
        {
            prices.UsdPrice(asset).ShouldNotBe(price, asset);
        }
    }

    [Fact]
    public void OnTick_Always_OnTheInstrumentsTick()
    {
        var prices = new MarketPrices(new MarketOptions { Volatility = 0.01m });
        for (var i = 0; i < 200; i++)
        {
            prices.Step();
            foreach (var instrument in MarketInstrument.All)
            {
                (prices.OnTick(instrument) % instrument.TickSize).ShouldBe(0m);
            }
        }
    }

    [Fact]
    public void MarkPrice_MidInsideTheBand_IsTheMid()
    {
        MarkPrice.Compute(90_000m, 89_990m, 90_020m, 50m, 1m).ShouldBe(90_005m);
    }

    [Fact]
    public void MarkPrice_MidOutsideTheBand_IsClampedToTheBand()
    {
        MarkPrice.Compute(90_000m, 95_000m, 95_100m, 50m, 1m).ShouldBe(90_450m);
        MarkPrice.Compute(90_000m, 80_000m, 80_100m, 50m, 1m).ShouldBe(89_550m);
    }

    [Fact]
    public void MarkPrice_OneSidedBook_IsTheIndex()
    {
        MarkPrice.Compute(90_000.4m, null, 90_100m, 50m, 1m).ShouldBe(90_000m);
        MarkPrice.Compute(90_000m, 89_000m, null, 50m, 1m).ShouldBe(90_000m);
    }
}
