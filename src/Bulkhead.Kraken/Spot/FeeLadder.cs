using System.Collections.Immutable;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Spot;

/// <summary>
/// A fee ladder: tiers by 30-day volume, lowest first. Kraken sums the volume of the master and its subaccounts, so one
/// tier applies to the whole fleet. <see cref="KrakenSpot"/> is Kraken's published Spot ("Pro") schedule, as its public
/// AssetPairs lists it (the sandbox charges by it too), <see cref="KrakenFutures"/> the Futures one; <see cref="FromAssetPair"/> reads the exchange's own answer.
/// </summary>
public sealed class FeeLadder
{
    private FeeLadder(ImmutableArray<FeeLadderTier> tiers)
    {
        Tiers = tiers;
    }

    /// <summary>Kraken's Spot schedule: 0.25 % maker / 0.40 % taker below $10k, down to 0 % / 0.10 % from $10M.</summary>
    public static FeeLadder KrakenSpot { get; } = Of(
    [
        new(0m, 0.25m, 0.40m),
        new(10_000m, 0.20m, 0.35m),
        new(50_000m, 0.14m, 0.24m),
        new(100_000m, 0.12m, 0.22m),
        new(250_000m, 0.10m, 0.20m),
        new(500_000m, 0.08m, 0.18m),
        new(1_000_000m, 0.06m, 0.16m),
        new(2_500_000m, 0.04m, 0.14m),
        new(5_000_000m, 0.02m, 0.12m),
        new(10_000_000m, 0m, 0.10m),
    ]);

    /// <summary>
    /// Kraken's Futures schedule (futures.md §8.1): 0.02 % maker / 0.05 % taker below $100k, down to 0 % / 0.01 % above
    /// $100M. Kraken's bounds read "100,001 – 1,000,000"; each tier here starts at the round number (inclusive).
    /// </summary>
    public static FeeLadder KrakenFutures { get; } = Of(
    [
        new(0m, 0.0200m, 0.0500m),
        new(100_000m, 0.0150m, 0.0400m),
        new(1_000_000m, 0.0125m, 0.0300m),
        new(5_000_000m, 0.0100m, 0.0250m),
        new(10_000_000m, 0.0075m, 0.0200m),
        new(20_000_000m, 0.0050m, 0.0150m),
        new(50_000_000m, 0.0025m, 0.0125m),
        new(100_000_000m, 0m, 0.0100m),
    ]);

    /// <summary>The tiers, lowest threshold first; the first starts at 0.</summary>
    public ImmutableArray<FeeLadderTier> Tiers { get; }

    /// <summary>A ladder of <paramref name="tiers"/> (any order).</summary>
    /// <exception cref="ArgumentException">No tiers, a negative threshold or fee, or two tiers at one threshold.</exception>
    public static FeeLadder Of(IEnumerable<FeeLadderTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        var sorted = tiers.OrderBy(t => t.MinVolumeUsd).ToImmutableArray();
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("a fee ladder needs at least one tier", nameof(tiers));
        }

        if (sorted.Any(t => t.MinVolumeUsd < 0m || t.MakerPercent < 0m || t.TakerPercent < 0m))
        {
            throw new ArgumentException("fee ladder thresholds and fees cannot be negative", nameof(tiers));
        }

        if (sorted.Select(t => t.MinVolumeUsd).Distinct().Count() != sorted.Length)
        {
            throw new ArgumentException("two fee ladder tiers share a threshold", nameof(tiers));
        }

        return new FeeLadder(sorted[0].MinVolumeUsd == 0m ? sorted : sorted.Insert(0, sorted[0] with { MinVolumeUsd = 0m }));
    }

    /// <summary>
    /// The ladder an AssetPairs entry lists (<c>fees</c> taker, <c>fees_maker</c> maker, by volume). A threshold listed
    /// only for takers keeps the maker fee of the tier below (a pair without a maker schedule: maker = taker). Null when
    /// the pair lists no fees.
    /// </summary>
    public static FeeLadder? FromAssetPair(AssetPairInfo pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        if (pair.TakerFees.Count == 0)
        {
            return null;
        }

        var makers = pair.MakerFees.OrderBy(f => f.Volume).ToList();
        return Of(pair.TakerFees.Select(t => new FeeLadderTier(t.Volume, MakerAt(makers, t.Volume) ?? t.Percent, t.Percent)));
    }

    private static decimal? MakerAt(List<FeeTier> makers, decimal volume)
    {
        decimal? percent = null;
        foreach (var maker in makers.Where(m => m.Volume <= volume))
        {
            percent = maker.Percent;
        }

        return percent;
    }

    /// <summary>Where <paramref name="volume30dUsd"/> stands: its tier, the next one and the volume still needed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative volume.</exception>
    public FeeLadderPosition Position(decimal volume30dUsd)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(volume30dUsd);
        var index = Tiers.Length - 1;
        while (index > 0 && Tiers[index].MinVolumeUsd > volume30dUsd)
        {
            index--;
        }

        var next = index + 1 < Tiers.Length ? Tiers[index + 1] : null;
        return new FeeLadderPosition(volume30dUsd, Tiers[index], next, next is null ? null : next.MinVolumeUsd - volume30dUsd);
    }
}
