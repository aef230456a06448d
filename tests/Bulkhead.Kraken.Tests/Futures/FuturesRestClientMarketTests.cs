using Bulkhead.Kraken.Futures.Rest.Wire;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Futures;

public sealed class FuturesRestClientMarketTests
{
    [Fact]
    public async Task GetInstruments_Fixture_ParsesPerpetualAndDated()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetInstrumentsAsync(TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.Count.ShouldBe(2);
        var perp = result.Value[0];
        perp.Symbol.ShouldBe("PF_XBTUSD");
        perp.Type.ShouldBe("flexible_futures");
        perp.QuantityDecimals.ShouldBe(4);
        perp.LastTradingTime.ShouldBeNull();
        perp.MarginLevels!.Select(l => (l.NotionalFrom, l.InitialMargin)).ShouldBe([(0m, 0.02m), (500000m, 0.04m)]);
        result.Value[1].LastTradingTime.ShouldBe(new DateTimeOffset(2026, 6, 26, 16, 0, 0, TimeSpan.Zero));
        h.Server.Requests.Single().Authenticated.ShouldBeFalse();
    }

    [Fact]
    public async Task GetTickers_Fixture_ParsesMarketAndIndexTickers()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetTickersAsync(TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        var perp = result.Value[0];
        (perp.Bid, perp.Ask, perp.MarkPrice, perp.FundingRate, perp.Suspended).ShouldBe((50000m, 50020m, 50010.5m, -0.0012m, false));
        result.Value[1].Symbol.ShouldBe("in_xbtusd");
        result.Value[1].Bid.ShouldBeNull();
    }

    [Fact]
    public async Task GetOrderBook_Fixture_ParsesLevelsAndSendsSymbolInQuery()
    {
        await using var h = await FuturesHarness.StartAsync();

        var result = await h.Client.GetOrderBookAsync("PF_XBTUSD", TestContext.Current.CancellationToken);

        result.Success.ShouldBeTrue(result.ToString());
        result.Value.Bids.ShouldBe([new FuturesBookLevel(50000m, 5m), new FuturesBookLevel(49999.5m, 0.25m)]);
        result.Value.Asks[0].ShouldBe(new FuturesBookLevel(50020m, 5.0183m));
        h.Server.Requests.Single().Query.ShouldBe("symbol=PF_XBTUSD");
    }
}
