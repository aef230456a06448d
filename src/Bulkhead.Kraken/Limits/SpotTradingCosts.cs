namespace Bulkhead.Kraken.Limits;

/// <summary>
/// What order actions add to the Spot trading counter of their pair (<see cref="SpotTradingLimits"/>), from Kraken's
/// rate-limit page (websocket.md §9, "K-rl"): a fixed count on receipt (even if the request then fails validation) plus,
/// for cancels, amends and edits, a count that falls with the order's age. The counter is shared by REST and WebSocket
/// order entry, so both charge from this one table; the sandbox charges the same.
/// </summary>
public static class SpotTradingCosts
{
    /// <summary>The cost of adding one order.</summary>
    /// <value>1.</value>
    public const decimal AddOrder = 1m;

    /// <summary>The most a single cancel, amend or edit can add (a cancel under 5 s); what an order of unknown age is charged.</summary>
    /// <value>8.</value>
    public const decimal MaxPenalty = 8m;

    // Upper bounds (exclusive) of order age and the count below each; older orders add nothing more.
    private static readonly (TimeSpan Below, decimal Count)[] Cancel =
    [
        (TimeSpan.FromSeconds(5), 8m),
        (TimeSpan.FromSeconds(10), 6m),
        (TimeSpan.FromSeconds(15), 5m),
        (TimeSpan.FromSeconds(45), 4m),
        (TimeSpan.FromSeconds(90), 2m),
        (TimeSpan.FromSeconds(300), 1m),
    ];

    private static readonly (TimeSpan Below, decimal Count)[] Amend =
    [
        (TimeSpan.FromSeconds(5), 3m),
        (TimeSpan.FromSeconds(10), 2m),
        (TimeSpan.FromSeconds(15), 1m),
    ];

    private static readonly (TimeSpan Below, decimal Count)[] Edit =
    [
        (TimeSpan.FromSeconds(5), 6m),
        (TimeSpan.FromSeconds(10), 5m),
        (TimeSpan.FromSeconds(15), 4m),
        (TimeSpan.FromSeconds(45), 2m),
        (TimeSpan.FromSeconds(90), 1m),
    ];

    /// <summary>
    /// The penalty for cancelling an order that has rested for <paramref name="orderAge"/>: under 5 s +8, under 10 s +6,
    /// under 15 s +5, under 45 s +4, under 90 s +2, under 300 s +1, older 0. A negative age (clock skew) counts as 0 s.
    /// </summary>
    public static decimal CancelPenalty(TimeSpan orderAge) => Decaying(Cancel, orderAge);

    /// <summary>
    /// The cost of amending an order in place (<c>AmendOrder</c>, <c>amend_order</c>) of age <paramref name="orderAge"/>:
    /// +1 fixed, and under 5 s +3, under 10 s +2, under 15 s +1.
    /// </summary>
    public static decimal AmendCost(TimeSpan orderAge) => 1m + Decaying(Amend, orderAge);

    /// <summary>
    /// The cost of editing (cancel-replace: <c>EditOrder</c>, <c>edit_order</c>) an order of age <paramref name="orderAge"/>:
    /// +1 fixed, and under 5 s +6, under 10 s +5, under 15 s +4, under 45 s +2, under 90 s +1.
    /// </summary>
    public static decimal EditCost(TimeSpan orderAge) => 1m + Decaying(Edit, orderAge);

    private static decimal Decaying((TimeSpan Below, decimal Count)[] table, TimeSpan orderAge)
    {
        foreach (var (below, count) in table)
        {
            if (orderAge < below)
            {
                return count;
            }
        }

        return 0m;
    }
}
