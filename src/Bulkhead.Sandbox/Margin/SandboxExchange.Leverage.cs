using Bulkhead.Sandbox.Assets;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>
/// Futures leverage preferences (Unified <c>set_preference</c> <c>leverage_mode</c>): per account and instrument, a fixed
/// maximum leverage, or cross margin (the default, no entry). Kept in memory only, and not yet read by margin: initial
/// margin still follows the instrument's ladder whatever the preference (docs/sandbox.md, WebSocket APIs → Unified private).
/// </summary>
public sealed partial class SandboxExchange
{
    private readonly Dictionary<(string Account, string Symbol), decimal> _leverage = [];

    /// <summary>The highest leverage an instrument allows: one over the initial margin rate of the ladder's first rung.</summary>
    public static decimal MaxLeverage(string symbol) =>
        InstrumentCatalog.Find(symbol) is null ? 0m : decimal.Round(1m / InstrumentCatalog.ClassALevels[0].InitialMargin, 8);

    /// <summary>An account's leverage preference per instrument, every instrument listed: a number (fixed) or null (cross).</summary>
    public IReadOnlyList<(string Symbol, decimal? MaxLeverage)> LeveragePreferences(string account)
    {
        lock (_gate)
        {
            return [.. InstrumentCatalog.All.Select(spec => (spec.Symbol, _leverage.TryGetValue((account, spec.Symbol), out var fixedLeverage) ? fixedLeverage : (decimal?)null))];
        }
    }

    /// <summary>
    /// Sets an account's leverage preference on one instrument: <paramref name="maxLeverage"/> a fixed maximum from 1 to
    /// <see cref="MaxLeverage"/>, or null for cross margin. Refusals: <see cref="SandboxRejection.UnknownAccount"/>,
    /// <see cref="SandboxRejection.UnknownPair"/>, <see cref="SandboxRejection.InvalidAmount"/> (out of range).
    /// </summary>
    public SandboxResult<decimal?> SetLeveragePreference(string account, string symbol, decimal? maxLeverage)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(symbol);
        if (InstrumentCatalog.Find(symbol) is not { } spec)
        {
            return SandboxResult<decimal?>.Fail(SandboxRejection.UnknownPair, $"'{symbol}' is not a Futures instrument");
        }

        if (maxLeverage is { } wanted && (wanted < 1m || wanted > MaxLeverage(spec.Symbol)))
        {
            return SandboxResult<decimal?>.Fail(SandboxRejection.InvalidAmount, $"leverage {wanted} is outside 1 to {MaxLeverage(spec.Symbol)}");
        }

        lock (_gate)
        {
            if (_accounts.Find(account) is null)
            {
                return SandboxResult<decimal?>.Fail(SandboxRejection.UnknownAccount, $"account '{account}' does not exist");
            }

            if (maxLeverage is { } value)
            {
                _leverage[(account, spec.Symbol)] = value;
            }
            else
            {
                _leverage.Remove((account, spec.Symbol));
            }

            return SandboxResult<decimal?>.Ok(maxLeverage);
        }
    }
}
