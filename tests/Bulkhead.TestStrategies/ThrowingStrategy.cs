using Bulkhead.Fleet.Fills;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.TestStrategies;

/// <summary>Throws on every market update: the worker halts it after its error limit, with the exception shown.</summary>
public sealed class ThrowingStrategy : IStrategy
{
    public Task StartAsync(StrategyContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnMarketAsync(MarketQuote quote, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the desk's model has no price for " + quote?.Symbol);

    public Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnTimerAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
