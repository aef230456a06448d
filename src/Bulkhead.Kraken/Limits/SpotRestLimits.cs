namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The Spot REST call counter of one tier: each private call adds its cost (<see cref="SpotCallCosts"/>), the counter
/// decays continuously, and a call that would take it over <see cref="Maximum"/> is refused with
/// <c>EAPI:Rate limit exceeded</c>. The one table of these numbers; the sandbox enforces the same (shared/kraken/spot.md §3).
/// </summary>
/// <param name="Maximum">The highest level the counter may reach.</param>
/// <param name="DecayPerSecond">How much the counter falls per second, continuously, down to 0.</param>
public sealed record SpotRestLimits(decimal Maximum, decimal DecayPerSecond)
{
    /// <summary>Starter.</summary>
    /// <value>Maximum 15, decay 0.33 per second.</value>
    public static SpotRestLimits Starter { get; } = new(15m, 0.33m);

    /// <summary>Intermediate.</summary>
    /// <value>Maximum 20, decay 0.5 per second.</value>
    public static SpotRestLimits Intermediate { get; } = new(20m, 0.5m);

    /// <summary>Pro.</summary>
    /// <value>Maximum 20, decay 1 per second.</value>
    public static SpotRestLimits Pro { get; } = new(20m, 1m);

    /// <summary>The limits of <paramref name="tier"/>.</summary>
    public static SpotRestLimits For(SpotTier tier) => tier switch
    {
        SpotTier.Starter => Starter,
        SpotTier.Intermediate => Intermediate,
        SpotTier.Pro => Pro,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Unknown Spot tier."),
    };
}
