namespace Bulkhead.Runtime.Metrics;

/// <summary>
/// The fleet's figures that come from its journals, stores and the exchange's public marks — what the dashboard's view
/// composes (FillPnl at the marks, margin snapshots, the master's 30-day volume, the shared rate budgets, the leases) —
/// handed to <see cref="FleetMetrics"/> so /metrics and the page show the same numbers.
/// </summary>
/// <param name="Time">When they were composed.</param>
/// <param name="ExchangeReachable">Whether the exchange answered its last public read.</param>
/// <param name="Strategies">P&amp;L per strategy (average cost, at the marks).</param>
/// <param name="Marks">The mark of every traded symbol (empty while the exchange was not read).</param>
/// <param name="Accounts">Per account: equity, margin level, rate headroom.</param>
/// <param name="Leases">Per key of a supervised process: its lease.</param>
/// <param name="Volume30dUsd">The consolidated 30-day volume on the fee ladder (null: not read yet).</param>
/// <param name="VolumeToNextTierUsd">Volume still needed for the next fee tier (null: top tier or unknown).</param>
public sealed record FleetFigures(
    DateTimeOffset Time,
    bool ExchangeReachable,
    IReadOnlyList<StrategyFigures> Strategies,
    IReadOnlyDictionary<string, decimal> Marks,
    IReadOnlyList<AccountFigures> Accounts,
    IReadOnlyList<LeaseFigures> Leases,
    decimal? Volume30dUsd,
    decimal? VolumeToNextTierUsd)
{
    /// <summary>The supervisor's last reconciliation (null: it does not reconcile, or has not yet).</summary>
    public ReconciliationFigures? Reconciliation { get; init; }

    /// <summary>Per Spot key (Kraken counts the REST counter per key): the fraction left of its own counter, and its account.</summary>
    public IReadOnlyList<KeyRateFigures> Keys { get; init; } = [];
}

/// <summary>One Spot key's own REST counter.</summary>
/// <param name="Key">The manifest key.</param>
/// <param name="Account">Its account.</param>
/// <param name="SpotRestHeadroom">The fraction left of its REST counter (1 = untouched).</param>
public sealed record KeyRateFigures(string Key, string Account, decimal SpotRestHeadroom);
