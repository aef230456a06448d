using Bulkhead.Fleet.Fills;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// <c>spot-momentum</c>: the trend logic of <see cref="TrendFollower"/> on a Spot pair — buys <c>target_position</c>
/// (default 0.1, base units) at market when the mid has risen beyond the entry threshold over <c>lookback_seconds</c>
/// (default 30), sells as much below where it started when it has fallen (selling needs base inventory on the subaccount;
/// the example funds some), and goes flat when the move has come back past the exit threshold. Entry needs
/// <c>threshold_bps</c> (default 10) and <c>fee_cover</c> × the round-trip taker fee; a position is held at least
/// <c>min_hold_seconds</c> (default 60), with <c>cooldown_seconds</c> (default 20) between orders.
/// </summary>
public sealed class SpotMomentum : IStrategy
{
    /// <summary>The kind's name in the manifest.</summary>
    public const string Kind = "spot-momentum";

    private static readonly TrendDefaults Defaults = new(TimeSpan.FromSeconds(30), 10m, 0.1m, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20));

    private TrendFollower _trend = null!;

    /// <inheritdoc />
    public async Task StartAsync(StrategyContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _trend = new TrendFollower(context, Defaults, reduceOnly: false);
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
