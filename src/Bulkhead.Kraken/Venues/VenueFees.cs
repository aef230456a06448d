namespace Bulkhead.Kraken.Venues;

/// <summary>The fees an account pays on one instrument at its current tier.</summary>
/// <param name="Symbol">The pair or contract, as asked.</param>
/// <param name="MakerPercent">Maker fee in percent of the notional (a rebate is negative).</param>
/// <param name="TakerPercent">Taker fee in percent of the notional.</param>
/// <param name="Volume30d">The consolidated 30-day volume the tier comes from (USD); null when not read from the exchange.</param>
public sealed record VenueFees(string Symbol, decimal MakerPercent, decimal TakerPercent, decimal? Volume30d)
{
    /// <summary>The maker fee as a fraction of the notional (0.0025 for 0.25 %).</summary>
    public decimal MakerRate => MakerPercent / 100m;

    /// <summary>The taker fee as a fraction of the notional.</summary>
    public decimal TakerRate => TakerPercent / 100m;
}
