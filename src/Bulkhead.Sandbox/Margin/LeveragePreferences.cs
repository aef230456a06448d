using Bulkhead.Sandbox.Assets;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Futures leverage preferences (Unified <c>set_preference</c> <c>leverage_mode</c>): per account and instrument, a fixed
/// maximum leverage, or cross margin (the default, no entry). Kept in memory only, and not yet read by margin: initial
/// margin still follows the instrument's ladder whatever the preference (docs/sandbox.md, WebSocket APIs → Unified
/// private). Not thread-safe: the exchange calls it under its lock.
/// </summary>
internal sealed class LeveragePreferences
{
    private readonly Dictionary<(string Account, string Symbol), decimal> _leverage = [];

    /// <summary>The highest leverage an instrument allows: one over the initial margin rate of the ladder's first rung.</summary>
    public static decimal MaxLeverage(string symbol) =>
        InstrumentCatalog.Find(symbol) is null ? 0m : decimal.Round(1m / InstrumentCatalog.ClassALevels[0].InitialMargin, 8);

    /// <summary>An account's preference per instrument, every instrument listed: a number (fixed) or null (cross).</summary>
    public List<(string Symbol, decimal? MaxLeverage)> Of(string account) =>
        [.. InstrumentCatalog.All.Select(spec => (spec.Symbol, _leverage.TryGetValue((account, spec.Symbol), out var fixedLeverage) ? fixedLeverage : (decimal?)null))];

    /// <summary>Sets (a number) or clears (null: cross) a checked preference of a known account on a canonical symbol.</summary>
    public void Set(string account, string symbol, decimal? maxLeverage)
    {
        if (maxLeverage is { } value)
        {
            _leverage[(account, symbol)] = value;
        }
        else
        {
            _leverage.Remove((account, symbol));
        }
    }
}
