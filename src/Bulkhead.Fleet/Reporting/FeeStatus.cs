namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// The master's fee tier from <c>TradeVolume</c>: Kraken sums the 30-day volume of the master and its subaccounts, so one
/// tier applies to the whole fleet.
/// </summary>
/// <param name="Currency">The volume's currency (<c>ZUSD</c>).</param>
/// <param name="Volume30d">The consolidated 30-day volume.</param>
/// <param name="Pair">The pair the fees were asked for.</param>
/// <param name="TakerPercent">Current taker fee, percent.</param>
/// <param name="MakerPercent">Current maker fee, percent (null when the pair has no maker schedule).</param>
/// <param name="TierVolume">The volume threshold of the current tier.</param>
/// <param name="NextTakerPercent">The next tier's taker fee (null at the top tier).</param>
/// <param name="NextTierVolume">The next tier's threshold (null at the top tier).</param>
public sealed record FeeStatus(
    string Currency,
    decimal Volume30d,
    string Pair,
    decimal TakerPercent,
    decimal? MakerPercent,
    decimal? TierVolume,
    decimal? NextTakerPercent,
    decimal? NextTierVolume)
{
    /// <summary>How much more volume reaches the next tier (null at the top tier).</summary>
    public decimal? VolumeToNextTier => NextTierVolume is { } next ? Math.Max(0m, next - Volume30d) : null;
}
