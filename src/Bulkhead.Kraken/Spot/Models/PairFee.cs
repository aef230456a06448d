namespace Bulkhead.Kraken.Spot.Models;

/// <summary>The account's current fee on one pair, in percent.</summary>
/// <param name="Percent">The fee now.</param>
/// <param name="Minimum">The lowest fee in the schedule, when reported.</param>
/// <param name="Maximum">The highest fee in the schedule, when reported.</param>
/// <param name="NextPercent">The fee at the next tier; null at the last tier.</param>
/// <param name="NextTierVolume">The volume at which the next tier starts; null at the last tier.</param>
/// <param name="TierVolume">The volume at which the current tier started, when reported.</param>
public sealed record PairFee(decimal Percent, decimal? Minimum, decimal? Maximum, decimal? NextPercent, decimal? NextTierVolume, decimal? TierVolume);
