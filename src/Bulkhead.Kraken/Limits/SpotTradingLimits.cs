namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The Spot trading-engine limits of one tier, per account and pair: a counter raised by order adds and by
/// cancel/amend penalties (<see cref="SpotTradingCosts"/>) that decays continuously and refuses with
/// <c>EOrder:Rate limit exceeded</c> over <see cref="Threshold"/>; and the open-orders cap per pair, refused with
/// <c>EOrder:Orders limit exceeded</c>. The one table of these numbers; the sandbox enforces the same (shared/kraken/spot.md §3).
/// </summary>
/// <param name="Threshold">The highest level the per-pair counter may reach.</param>
/// <param name="DecayPerSecond">How much the counter falls per second, continuously, down to 0.</param>
/// <param name="MaxOpenOrdersPerPair">How many orders may be open on one pair at once.</param>
public sealed record SpotTradingLimits(decimal Threshold, decimal DecayPerSecond, int MaxOpenOrdersPerPair)
{
    /// <summary>Starter.</summary>
    /// <value>Threshold 60, decay 1 per second, 60 open orders per pair.</value>
    public static SpotTradingLimits Starter { get; } = new(60m, 1m, 60);

    /// <summary>Intermediate.</summary>
    /// <value>Threshold 125, decay 2.34 per second, 80 open orders per pair.</value>
    public static SpotTradingLimits Intermediate { get; } = new(125m, 2.34m, 80);

    /// <summary>Pro.</summary>
    /// <value>Threshold 180, decay 3.75 per second, 225 open orders per pair.</value>
    public static SpotTradingLimits Pro { get; } = new(180m, 3.75m, 225);

    /// <summary>The limits of <paramref name="tier"/>.</summary>
    public static SpotTradingLimits For(SpotTier tier) => tier switch
    {
        SpotTier.Starter => Starter,
        SpotTier.Intermediate => Intermediate,
        SpotTier.Pro => Pro,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown Spot tier."),
    };
}
