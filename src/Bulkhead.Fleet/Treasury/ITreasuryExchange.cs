namespace Bulkhead.Fleet.Treasury;

/// <summary>The exchange as the treasury sees it through the master's keys: make a step's call, and find it again.</summary>
public interface ITreasuryExchange
{
    /// <summary>Where the master's ledger that will show <paramref name="step"/> stands now (read just before its call).</summary>
    Task<TreasuryCursor> CursorAsync(TreasuryStep step, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="step"/>'s call once (never retried here).</summary>
    Task<TreasuryCallOutcome> ExecuteAsync(TreasuryStep step, CancellationToken cancellationToken);

    /// <summary>
    /// The master's entries after <paramref name="step"/>'s cursor that look like its movement (same asset, same signed
    /// amount, the step's kind of entry), oldest first.
    /// </summary>
    Task<IReadOnlyList<TreasuryEvidence>> FindAsync(TreasuryStep step, CancellationToken cancellationToken);
}
