namespace Bulkhead.Kraken.Spot.Models;

/// <summary>One step of a pair's fee schedule.</summary>
/// <param name="Volume">The 30-day volume from which this tier applies, in the pair's fee volume currency.</param>
/// <param name="Percent">The fee in percent (0.26 means 0.26 %).</param>
public readonly record struct FeeTier(decimal Volume, decimal Percent);
