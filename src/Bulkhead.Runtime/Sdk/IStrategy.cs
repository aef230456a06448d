using Bulkhead.Fleet.Fills;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Sdk;

/// <summary>
/// A trading strategy run by the worker's strategy host. The host calls <see cref="StartAsync"/> once (after cancelling
/// orphan orders and catching up fills), then on every poll <see cref="OnMarketAsync"/> for each of its symbols, then
/// <see cref="OnFillAsync"/> for each new fill (once per fill id), then <see cref="OnTimerAsync"/>; and
/// <see cref="StopAsync"/> once when stopping gracefully (the host then cancels every open order itself). Calls never
/// overlap. Orders go through <see cref="StrategyContext.PlaceOrderAsync"/>, which checks the risk limits first.
/// </summary>
public interface IStrategy
{
    /// <summary>Starts the strategy: read parameters, set up state.</summary>
    Task StartAsync(StrategyContext context, CancellationToken cancellationToken);

    /// <summary>A new quote of one of the strategy's symbols.</summary>
    Task OnMarketAsync(MarketQuote quote, CancellationToken cancellationToken);

    /// <summary>A new fill of one of the account's orders (already journaled and folded into the position).</summary>
    Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken);

    /// <summary>Once per poll, after market data and fills.</summary>
    Task OnTimerAsync(CancellationToken cancellationToken);

    /// <summary>Stops the strategy (the host cancels every open order afterwards).</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
