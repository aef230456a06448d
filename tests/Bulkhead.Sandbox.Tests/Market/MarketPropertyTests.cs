using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Storage;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class MarketPropertyTests
{
    // Any seed and any sensible options: after the steps every book has both sides, is not crossed, and per asset the
    // balances of every account (users, @market, @noise, @fees, @clearing, @external, …) sum to zero.
    [Fact]
    public void Tick_AnySeedAndOptions_BooksTwoSidedNotCrossedConserved()
    {
        var gen = Gen.Select(Gen.Long, Gen.Int[0, 50], Gen.Int[1, 12], Gen.Int[0, 40], Gen.Int[1, 20], Gen.Int[0, 10]);
        gen.Sample((seed, volatilityBp, levels, spreadBps, spacingBps, noiseTenths) =>
        {
            var options = new MarketOptions
            {
                Seed = seed,
                Volatility = volatilityBp / 10_000m,
                DepthLevels = levels,
                SpreadBps = spreadBps,
                LevelSpacingBps = spacingBps,
                NoiseRate = noiseTenths / 10m,
            };
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
            using var exchange = new SandboxExchange(new InMemorySandboxStore(), time);
            var data = new MarketData(exchange, time);
            var market = new SandboxMarket(exchange, data, options);
            market.Open();
            for (var i = 0; i < 8; i++)
            {
                time.Advance(TimeSpan.FromSeconds(1));
                market.Tick();
            }

            foreach (var instrument in MarketInstrument.All)
            {
                var depth = data.Depth(instrument.Venue, instrument.Symbol, 0);
                depth.Bids.ShouldNotBeEmpty(instrument.Symbol);
                depth.Asks.ShouldNotBeEmpty(instrument.Symbol);
                depth.Bids[0].Price.ShouldBeLessThan(depth.Asks[0].Price, instrument.Symbol);
            }

            exchange.UnbalancedMovements().ShouldBeEmpty();
            var users = exchange.TotalsByAsset();
            var external = exchange.NetExternalFlows();
            foreach (var asset in users.Keys.Union(external.Keys))
            {
                (users.GetValueOrDefault(asset) - external.GetValueOrDefault(asset)).ShouldBe(0m, asset);
            }
        }, iter: 12, threads: 1);
    }
}
