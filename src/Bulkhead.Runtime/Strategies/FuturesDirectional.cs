using Bulkhead.Fleet.Fills;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// <c>futures-directional</c>: follows the trend of the mid over <c>lookback_seconds</c> (default 30) with market orders
/// towards ±<c>target_position</c> contracts (default 0.5, at most <c>order_size</c> per order), closing reduce-only.
/// It does not churn (<see cref="TrendFollower"/>): entry only on a move beyond <c>threshold_bps</c> (default 10) and
/// beyond <c>fee_cover</c> × the round-trip taker fee; hysteresis on the exit; a position held at least
/// <c>min_hold_seconds</c> (default 60); <c>cooldown_seconds</c> (default 20) between orders; sized within the risk limits.
/// </summary>
public sealed class FuturesDirectional : IStrategy
{
    /// <summary>The kind's name in the manifest.</summary>
    public const string Kind = "futures-directional";

    private static readonly TrendDefaults Defaults = new(TimeSpan.FromSeconds(30), 10m, 0.5m, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20));

    private TrendFollower _trend = null!;

    /// <inheritdoc />
    public async Task StartAsync(StrategyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _trend = new TrendFollower(context, Defaults, reduceOnly: true);
        context.Log($"follows trends beyond {await _trend.EntryBpsAsync(cancellationToken).ConfigureAwait(false):0.##} bp");
    }

    /// <inheritdoc />
    public Task OnMarketAsync(MarketQuote quote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return _trend.OnQuoteAsync(quote, cancellationToken);
    }

    /// <inheritdoc />
    public Task OnFillAsync(JournalFill fill, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task OnTimerAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
