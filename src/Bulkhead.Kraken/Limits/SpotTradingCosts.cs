namespace Bulkhead.Kraken.Limits;

/// <summary>
/// What order actions add to the Spot trading counter of their pair (<see cref="SpotTradingLimits"/>). Cancelling or
/// amending a young order costs more; the penalty falls with the order's age. Figures as commonly documented,
/// UNCONFIRMED in detail (shared/kraken/spot.md §3). The one table; the sandbox charges the same.
/// </summary>
public static class SpotTradingCosts
{
    /// <summary>The cost of adding one order.</summary>
    /// <value>1.</value>
    public const decimal AddOrder = 1m;

    /// <summary>The largest penalty a single cancel or amend can add.</summary>
    /// <value>8.</value>
    public const decimal MaxPenalty = 8m;

    // Upper bounds (exclusive) of order age and the penalty below each; 300 s and older cost nothing.
    private static readonly (TimeSpan Below, decimal Penalty)[] Penalties =
    [
        (TimeSpan.FromSeconds(5), 8m),
        (TimeSpan.FromSeconds(10), 6m),
        (TimeSpan.FromSeconds(15), 5m),
        (TimeSpan.FromSeconds(45), 4m),
        (TimeSpan.FromSeconds(90), 2m),
        (TimeSpan.FromSeconds(300), 1m),
    ];

    /// <summary>
    /// The penalty for cancelling an order that has rested for <paramref name="orderAge"/>: under 5 s +8, under 10 s +6,
    /// under 15 s +5, under 45 s +4, under 90 s +2, under 300 s +1, older 0. A negative age (clock skew) counts as 0 s.
    /// </summary>
    public static decimal CancelPenalty(TimeSpan orderAge)
    {
        foreach (var (below, penalty) in Penalties)
        {
            if (orderAge < below)
            {
                return penalty;
            }
        }

        return 0m;
    }

    /// <summary>The penalty for amending (or editing) an order of age <paramref name="orderAge"/>; the same table as <see cref="CancelPenalty"/>.</summary>
    public static decimal AmendPenalty(TimeSpan orderAge) => CancelPenalty(orderAge);
}
