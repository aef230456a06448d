using Bulkhead.Fleet.Fills;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.TestStrategies;

/// <summary>Blocks its thread in its timer callback (a deadlock, a synchronous call that never returns): halted after its timeout.</summary>
public sealed class HangingStrategy : IStrategy
{
    private static readonly ManualResetEventSlim Never = new(false);

    public Task StartAsync(StrategyContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnMarketAsync(MarketQuote quote, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnTimerAsync(CancellationToken cancellationToken)
    {
        // Bounded so a test process never keeps a thread forever: far longer than any timeout the tests set.
        Never.Wait(TimeSpan.FromMinutes(5), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
