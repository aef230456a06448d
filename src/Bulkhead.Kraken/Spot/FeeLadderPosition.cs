namespace Bulkhead.Kraken.Spot;

/// <summary>Where a 30-day volume stands on a fee ladder.</summary>
/// <param name="Volume30dUsd">The volume.</param>
/// <param name="Tier">The tier it reaches.</param>
/// <param name="NextTier">The next tier (null at the top).</param>
/// <param name="VolumeToNextTierUsd">How much more volume reaches the next tier (null at the top).</param>
public sealed record FeeLadderPosition(decimal Volume30dUsd, FeeLadderTier Tier, FeeLadderTier? NextTier, decimal? VolumeToNextTierUsd);
