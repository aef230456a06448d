namespace Bulkhead.Fleet.Treasury;

/// <summary>Where a treasury operation is.</summary>
public enum TreasuryOperationState
{
    /// <summary>Journaled and not finished: <c>bulkhead treasury resume</c> (or the same command again) continues it.</summary>
    Open,

    /// <summary>Every step is done.</summary>
    Done,

    /// <summary>The operator abandoned it (reserved; not set by Bulkhead itself).</summary>
    Abandoned,
}
