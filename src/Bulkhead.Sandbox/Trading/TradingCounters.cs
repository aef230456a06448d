using Bulkhead.Kraken.Limits;

namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// Kraken's Spot trading counter per account and pair (<see cref="SpotTradingLimits"/>, costs from
/// <see cref="SpotTradingCosts"/>): adds +1, cancels and amends a penalty by the order's age. A request that would push
/// the counter over the threshold is refused; a cancel is never refused (it adds its penalty, capped at the threshold).
/// Each account, subaccounts included, has its own counters; system accounts and Futures have none. Kept in memory only.
/// Not thread-safe: the exchange calls it under its lock.
/// </summary>
internal sealed class TradingCounters(TimeProvider time)
{
    private readonly Dictionary<(string Account, string Symbol), DecayingCounterState> _counters = [];
    private SpotTradingLimits _limits = SpotTradingLimits.Intermediate;
    private DecayingCounter _counter = new(SpotTradingLimits.Intermediate.Threshold, SpotTradingLimits.Intermediate.DecayPerSecond);

    /// <summary>The Spot trading limits every account gets (the tier's).</summary>
    /// <value>Intermediate.</value>
    public SpotTradingLimits Limits
    {
        get => _limits;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _limits = value;
            _counter = new DecayingCounter(value.Threshold, value.DecayPerSecond);
        }
    }

    /// <summary>The current level of an account's counter on a pair (canonical symbol).</summary>
    public decimal Level(string account, string symbol) => _counter.LevelAt(_counters.GetValueOrDefault((account, symbol)), time.GetUtcNow());

    /// <summary>True when <paramref name="cost"/> fits under the threshold now (always for system accounts, Futures and free operations).</summary>
    public bool CanCharge(string account, TradingVenue venue, string symbol, decimal cost) =>
        !Counted(account, venue, cost) || Level(account, symbol) + cost <= _counter.Maximum;

    /// <summary>Adds <paramref name="cost"/>, capped at the threshold.</summary>
    public void Charge(string account, TradingVenue venue, string symbol, decimal cost)
    {
        if (!Counted(account, venue, cost))
        {
            return;
        }

        var now = time.GetUtcNow();
        var level = _counter.LevelAt(_counters.GetValueOrDefault((account, symbol)), now);
        _counters[(account, symbol)] = new DecayingCounterState(Math.Min(level + cost, _counter.Maximum), now);
    }

    private static bool Counted(string account, TradingVenue venue, decimal cost) => venue == TradingVenue.Spot && !account.StartsWith('@') && cost > 0;
}
