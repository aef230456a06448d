using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox.Trading;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>
/// Kraken's Spot trading counter per account and pair (<see cref="SpotTradingLimits"/>, costs from
/// <see cref="SpotTradingCosts"/>): adds +1, cancels and amends a penalty by the order's age. A request that would push
/// the counter over the threshold is refused; a cancel is never refused (it adds its penalty, capped at the threshold).
/// Each account, subaccounts included, has its own counters; system accounts have none. Kept in memory only.
/// </summary>
public sealed partial class SandboxExchange
{
    private readonly Dictionary<(string Account, string Symbol), DecayingCounterState> _tradingCounters = [];
    private SpotTradingLimits _tradingLimits = SpotTradingLimits.Intermediate;
    private DecayingCounter _tradingCounter = new(SpotTradingLimits.Intermediate.Threshold, SpotTradingLimits.Intermediate.DecayPerSecond);

    /// <summary>The Spot trading limits every account gets (the tier's).</summary>
    /// <value>Intermediate.</value>
    public SpotTradingLimits TradingLimits
    {
        get => _tradingLimits;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _tradingLimits = value;
                _tradingCounter = new DecayingCounter(value.Threshold, value.DecayPerSecond);
            }
        }
    }

    /// <summary>The current level of an account's trading counter on a pair.</summary>
    public decimal TradingCounter(string account, string symbol)
    {
        lock (_gate)
        {
            var id = CanonicalSymbol(TradingVenue.Spot, symbol) ?? symbol;
            return _tradingCounter.LevelAt(_tradingCounters.GetValueOrDefault((account, id)), _time.GetUtcNow());
        }
    }

    private bool CanCharge(string account, TradingVenue venue, string symbol, decimal cost)
    {
        if (venue != TradingVenue.Spot || account.StartsWith('@') || cost <= 0)
        {
            return true;
        }

        var level = _tradingCounter.LevelAt(_tradingCounters.GetValueOrDefault((account, symbol)), _time.GetUtcNow());
        return level + cost <= _tradingCounter.Maximum;
    }

    private void ChargeTrading(string account, TradingVenue venue, string symbol, decimal cost)
    {
        if (venue != TradingVenue.Spot || account.StartsWith('@') || cost <= 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var level = _tradingCounter.LevelAt(_tradingCounters.GetValueOrDefault((account, symbol)), now);
        _tradingCounters[(account, symbol)] = new DecayingCounterState(Math.Min(level + cost, _tradingCounter.Maximum), now);
    }
}
