namespace Bulkhead.Dashboard.Documents;

/// <summary><c>GET /api/fees</c>: the master's 30-day volume (Kraken sums master and subaccounts) on the Spot fee ladder.</summary>
/// <param name="Volume30dUsd">The consolidated 30-day volume (null: no volume snapshot yet).</param>
/// <param name="Tier">The tier that volume reaches.</param>
/// <param name="NextTier">The next tier (null at the top).</param>
/// <param name="VolumeToNextTierUsd">Volume still needed for the next tier.</param>
/// <param name="Ladder">Every tier, lowest first.</param>
/// <param name="Source">Where the ladder comes from: <c>exchange</c> (AssetPairs fees) or <c>built-in</c> (Kraken's published Spot schedule).</param>
/// <param name="Time">When the volume was read from the exchange (the snapshot's time).</param>
/// <param name="Error">Why the volume could not be read.</param>
public sealed record FeesPart(decimal? Volume30dUsd, FeeTierView? Tier, FeeTierView? NextTier, decimal? VolumeToNextTierUsd, IReadOnlyList<FeeTierView> Ladder, string Source, DateTimeOffset? Time, string? Error);
