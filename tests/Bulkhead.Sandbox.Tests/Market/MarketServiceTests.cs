using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Market;

public sealed class MarketServiceTests
{
    [Fact]
    public async Task Service_FakeClockAdvanced_OpensThenStepsOncePerInterval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        using var exchange = new SandboxExchange(new InMemorySandboxStore(), time);
        var market = new SandboxMarket(exchange, new MarketData(exchange, time), new MarketOptions { TickInterval = TimeSpan.FromSeconds(2) });
        using var service = new MarketService(market, time, TimeSpan.FromSeconds(2));
        await service.StartAsync(TestContext.Current.CancellationToken);
        exchange.OpenOrders(SandboxMarket.MakerAccount).ShouldNotBeEmpty();
        market.Steps.ShouldBe(0);

        // The loop runs on its own thread: advance a second at a time (yielding, never sleeping) until it has stepped 3 times.
        var advanced = 0;
        while (market.Steps < 3 && advanced < 600)
        {
            var before = market.Steps;
            time.Advance(TimeSpan.FromSeconds(1));
            advanced++;
            for (var i = 0; i < 10_000 && market.Steps == before; i++)
            {
                await Task.Yield();
            }
        }

        market.Steps.ShouldBe(3);
        advanced.ShouldBeGreaterThanOrEqualTo(6); // never more than one step per 2-second interval

        await service.StopAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(10));
        market.Steps.ShouldBe(3);
    }
}
