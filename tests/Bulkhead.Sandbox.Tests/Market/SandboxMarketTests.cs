using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class SandboxMarketTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly SandboxExchange _exchange;
    private readonly MarketData _data;

    public SandboxMarketTests()
    {
        _exchange = new SandboxExchange(new InMemorySandboxStore(), _time);
        _data = new MarketData(_exchange, _time);
    }

    public void Dispose() => _exchange.Dispose();

    private static IEnumerable<MarketInstrument> SpotBooks => MarketInstrument.All.Where(i => i.Venue == TradingVenue.Spot);

    [Fact]
    public void Open_Defaults_EveryBookHasTheFullLadderOnBothSides()
    {
        var market = new SandboxMarket(_exchange, _data, new MarketOptions());
        market.Open();
        foreach (var instrument in SpotBooks)
        {
            var depth = _data.Depth(instrument.Venue, instrument.Symbol, 0);
            depth.Bids.Count.ShouldBe(10, instrument.Symbol);
            depth.Asks.Count.ShouldBe(10, instrument.Symbol);
            depth.Bids[0].Price.ShouldBeLessThan(depth.Asks[0].Price);
        }

        AssertConserved();
    }

    [Fact]
    public void Tick_ManySteps_BooksDeepNotCrossedPricesMovedTradesPrinted()
    {
        var market = new SandboxMarket(_exchange, _data, new MarketOptions { Seed = 42 });
        market.Open();
        var before = SpotBooks.ToDictionary(i => i.Symbol, i => _data.Depth(i.Venue, i.Symbol, 1).Bids[0].Price);
        Run(market, 60);

        foreach (var instrument in SpotBooks)
        {
            var depth = _data.Depth(instrument.Venue, instrument.Symbol, 0);
            depth.Bids.Count.ShouldBeGreaterThanOrEqualTo(5, instrument.Symbol);
            depth.Asks.Count.ShouldBeGreaterThanOrEqualTo(5, instrument.Symbol);
            depth.Bids[0].Price.ShouldBeLessThan(depth.Asks[0].Price, instrument.Symbol);
            _data.Tape.Stats(instrument.Symbol, _time.GetUtcNow().AddHours(-1), _time.GetUtcNow()).Count.ShouldBeGreaterThan(5, instrument.Symbol);
        }

        SpotBooks.Count(i => _data.Depth(i.Venue, i.Symbol, 1).Bids[0].Price != before[i.Symbol]).ShouldBeGreaterThanOrEqualTo(3);
        market.Steps.ShouldBe(60);
        _exchange.UnbalancedMovements().ShouldBeEmpty();
        AssertConserved();
    }

    [Fact]
    public void Tick_SameSeedTwice_SameTradesAndBooks()
    {
        var first = Replay(7);
        var second = Replay(7);
        second.ShouldBe(first);
        Replay(8).ShouldNotBe(first);
    }

    [Fact]
    public void Tick_UserRestingOrderNearTheTouch_GetsFilled()
    {
        var market = new SandboxMarket(_exchange, _data, new MarketOptions { Seed = 3, NoiseRate = 1m });
        market.Open();
        _exchange.CreateAccount("alice", null).Success.ShouldBeTrue();
        _exchange.Deposit("alice", Wallet.Spot, "ZUSD", 100_000m).Success.ShouldBeTrue();
        var bestAsk = _data.Depth(TradingVenue.Spot, "XXBTZUSD", 1).Asks[0].Price;
        var placed = _exchange.PlaceOrder(new SandboxOrderRequest("alice", TradingVenue.Spot, "XXBTZUSD", Side.Buy, OrderKind.Limit, 0.01m, bestAsk - 0.1m));
        placed.Success.ShouldBeTrue(placed.Detail);
        Run(market, 30);
        _exchange.Trades("alice").ShouldNotBeEmpty();
        AssertConserved();
    }

    private List<string> Replay(long seed)
    {
        using var exchange = new SandboxExchange(new InMemorySandboxStore(), new FakeTimeProvider(_time.GetUtcNow()));
        var data = new MarketData(exchange, _time);
        var market = new SandboxMarket(exchange, data, new MarketOptions { Seed = seed });
        market.Open();
        for (var i = 0; i < 20; i++)
        {
            market.Tick();
        }

        var trades = exchange.AllTrades().Select(t => $"{t.Symbol} {t.Side} {t.Price} {t.Volume} {t.Account}");
        var books = MarketInstrument.All.Select(i => string.Join(';', data.Depth(i.Venue, i.Symbol, 0).Bids.Concat(data.Depth(i.Venue, i.Symbol, 0).Asks)));
        return [.. trades, .. books];
    }

    private void Run(SandboxMarket market, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            market.Tick();
        }
    }

    // Per asset, the sum over every account (users, @market, @noise, @fees, @external) is zero.
    private void AssertConserved()
    {
        var users = _exchange.TotalsByAsset();
        var external = _exchange.NetExternalFlows();
        foreach (var asset in users.Keys.Union(external.Keys))
        {
            (users.GetValueOrDefault(asset) - external.GetValueOrDefault(asset)).ShouldBe(0m, asset);
        }

        _exchange.AllEntries().GroupBy(e => e.Asset).ShouldAllBe(g => g.Sum(e => e.Amount - e.Fee) == 0m);
    }
}
