using Bulkhead.Sandbox.Market;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class NoiseTakerTests
{
    [Fact]
    public void Next_SameSeed_SameOrders()
    {
        Orders(new MarketOptions { Seed = 5 }, 300).ShouldBe(Orders(new MarketOptions { Seed = 5 }, 300));
        Orders(new MarketOptions { Seed = 6 }, 300).ShouldNotBe(Orders(new MarketOptions { Seed = 5 }, 300));
    }

    [Fact]
    public void Next_RateZero_NeverFires_RateOne_AlwaysFires()
    {
        Orders(new MarketOptions { NoiseRate = 0m }, 100).ShouldBeEmpty();
        Orders(new MarketOptions { NoiseRate = 1m }, 100).Count.ShouldBe(100 * MarketInstrument.All.Count);
    }

    [Fact]
    public void Next_HalfRate_FiresAboutHalfTheTimeOnBothSides()
    {
        var orders = Orders(new MarketOptions { NoiseRate = 0.5m }, 1_000);
        var total = 1_000 * MarketInstrument.All.Count;
        orders.Count.ShouldBeInRange(total * 45 / 100, total * 55 / 100);
        orders.Count(o => o.Buy).ShouldBeInRange(orders.Count * 45 / 100, orders.Count * 55 / 100);
    }

    [Fact]
    public void Next_Orders_OnTickAndLotAboveMinimumsThroughTheTouch()
    {
        var options = new MarketOptions { NoiseRate = 1m };
        var prices = new MarketPrices(options);
        var noise = new NoiseTaker(options);
        var provider = new LiquidityProvider(options);
        for (var step = 0; step < 200; step++)
        {
            prices.Step();
            foreach (var instrument in MarketInstrument.All)
            {
                var reference = prices.Reference(instrument);
                var order = noise.Next(instrument, reference, prices.UsdPrice(instrument.Base))!.Value;
                var ladder = provider.Quote(instrument, reference, prices.UsdPrice(instrument.Base));
                (order.LimitPrice % instrument.TickSize).ShouldBe(0m);
                Math.Round(order.Volume, instrument.LotDecimals).ShouldBe(order.Volume);
                order.Volume.ShouldBeGreaterThanOrEqualTo(instrument.MinVolume);
                (order.Volume * order.LimitPrice).ShouldBeGreaterThanOrEqualTo(instrument.MinCost);
                if (order.Buy)
                {
                    order.LimitPrice.ShouldBeGreaterThanOrEqualTo(ladder.Asks[0].Price);
                }
                else
                {
                    order.LimitPrice.ShouldBeLessThanOrEqualTo(ladder.Bids[0].Price);
                }
            }
        }
    }

    private static List<NoiseOrder> Orders(MarketOptions options, int steps)
    {
        var prices = new MarketPrices(options);
        var noise = new NoiseTaker(options);
        var orders = new List<NoiseOrder>();
        for (var i = 0; i < steps; i++)
        {
            prices.Step();
            foreach (var instrument in MarketInstrument.All)
            {
                if (noise.Next(instrument, prices.Reference(instrument), prices.UsdPrice(instrument.Base)) is { } order)
                {
                    orders.Add(order);
                }
            }
        }

        return orders;
    }
}
