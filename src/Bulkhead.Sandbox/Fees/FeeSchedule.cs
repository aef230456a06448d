namespace Bulkhead.Sandbox.Fees;

/// <summary>A volume-tiered maker/taker fee table. The tier is the last whose lower bound is at or below the 30-day volume.</summary>
public sealed class FeeSchedule
{
    /// <summary>Creates a schedule from tiers in ascending volume order, the first starting at 0.</summary>
    public FeeSchedule(IReadOnlyList<FeeTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        if (tiers.Count == 0 || tiers[0].Volume != 0m || tiers.Zip(tiers.Skip(1)).Any(p => p.First.Volume >= p.Second.Volume))
        {
            throw new ArgumentException("Tiers must start at volume 0 and ascend.", nameof(tiers));
        }

        Tiers = tiers;
    }

    /// <summary>The tiers, ascending.</summary>
    public IReadOnlyList<FeeTier> Tiers { get; }

    /// <summary>The tier for a 30-day USD volume.</summary>
    public FeeTier TierFor(decimal volumeUsd) => Tiers[IndexFor(volumeUsd)];

    /// <summary>The tier after the one for <paramref name="volumeUsd"/>; null at the top.</summary>
    public FeeTier? NextTier(decimal volumeUsd)
    {
        var index = IndexFor(volumeUsd) + 1;
        return index < Tiers.Count ? Tiers[index] : null;
    }

    /// <summary>The fee percentage for a maker or a taker at a volume.</summary>
    public decimal PercentFor(decimal volumeUsd, bool maker)
    {
        var tier = TierFor(volumeUsd);
        return maker ? tier.MakerPercent : tier.TakerPercent;
    }

    private int IndexFor(decimal volumeUsd)
    {
        var index = 0;
        for (var i = 1; i < Tiers.Count && Tiers[i].Volume <= volumeUsd; i++)
        {
            index = i;
        }

        return index;
    }
}
