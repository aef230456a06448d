namespace Bulkhead.Fleet.Treasury;

/// <summary>Where a treasury step is. The journal moves it planned → pending (before the call) → done (after).</summary>
public enum TreasuryStepState
{
    /// <summary>Not started: nothing was sent.</summary>
    Planned,

    /// <summary>Recorded before the exchange call; the call may or may not have happened. A rerun looks it up on the exchange first.</summary>
    Pending,

    /// <summary>The exchange did it (its reference id is recorded).</summary>
    Done,

    /// <summary>The exchange refused it outright (nothing moved); a resume looks it up first, then tries again.</summary>
    Failed,
}
