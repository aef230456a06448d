namespace Bulkhead.Sandbox.Retention;

/// <summary>
/// How long the sandbox keeps history it no longer needs (docs/sandbox.md "Retention"). The seeded market's system
/// accounts (<c>@market</c>, <c>@noise</c>) trade around the clock: without compaction an idle sandbox grows by about
/// 0.4 MB a minute on disk and 0.7 MB in memory. Open orders, balances, positions and every fill with a user account
/// on one side are never compacted by the system window.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Compact at all.</summary>
    /// <value>True.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long closed orders, trades and ledger entries that involve only system accounts are kept. The public trade
    /// tape (REST <c>Trades</c>, <c>OHLC</c>, Futures <c>history</c>) keeps its own 8 days in memory; after a restart it is
    /// rebuilt from the trades still stored.
    /// </summary>
    /// <value>1 hour.</value>
    public TimeSpan SystemHistory { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long user accounts' closed orders, trades and ledger entries are kept; null keeps them for ever (Kraken serves a
    /// user's whole history with paging). A fill or ledger movement is removed only when every side of it is past its
    /// own account's window.
    /// </summary>
    /// <value>Null (for ever).</value>
    public TimeSpan? AccountHistory { get; set; }

    /// <summary>How often compaction runs.</summary>
    /// <value>10 minutes.</value>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Throws when a value is out of range.</summary>
    public void ThrowIfInvalid()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SystemHistory, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero);
        if (AccountHistory is { } account)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(account, SystemHistory, nameof(AccountHistory));
        }
    }
}
