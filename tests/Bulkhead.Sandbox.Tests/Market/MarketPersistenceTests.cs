using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Storage;
using Bulkhead.Sandbox.Trading;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class MarketPersistenceTests
{
    [Fact]
    public void Reopen_SqliteAfterSteps_TapeRebuiltBooksRequotedConserved()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        long trades;
        PublicTrade lastBefore;
        using (var exchange = new SandboxExchange(new SqliteSandboxStore(folder.Path, syncEveryCommit: false), time))
        {
            var data = new MarketData(exchange, time);
            var market = new SandboxMarket(exchange, data, new MarketOptions { Seed = 9 });
            market.Open();
            for (var i = 0; i < 15; i++)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                market.Tick();
            }

            trades = exchange.AllTrades().Count;
            lastBefore = data.Tape.Last("XXBTZUSD")!.Value;
        }

        using (var exchange = new SandboxExchange(new SqliteSandboxStore(folder.Path, syncEveryCommit: false), time))
        {
            exchange.AllTrades().Count.ShouldBe((int)trades);
            var data = new MarketData(exchange, time);
            data.Tape.Last("XXBTZUSD").ShouldBe(lastBefore);
            var market = new SandboxMarket(exchange, data, new MarketOptions { Seed = 9 });
            market.Open();
            time.Advance(TimeSpan.FromSeconds(1));
            market.Tick();
            var depth = data.Depth(TradingVenue.Spot, "XXBTZUSD", 0);
            depth.Bids.Count.ShouldBe(10);
            depth.Asks.Count.ShouldBe(10);
            depth.Bids[0].Price.ShouldBeLessThan(depth.Asks[0].Price);
            exchange.OpenOrders(SandboxMarket.MakerAccount).Count.ShouldBe(MarketInstrument.All.Count * 20);
            exchange.UnbalancedMovements().ShouldBeEmpty();
            var users = exchange.TotalsByAsset();
            var external = exchange.NetExternalFlows();
            foreach (var asset in users.Keys.Union(external.Keys))
            {
                (users.GetValueOrDefault(asset) - external.GetValueOrDefault(asset)).ShouldBe(0m, asset);
            }
        }
    }
}
