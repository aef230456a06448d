namespace Bulkhead.Fleet.Fills;

/// <summary>What the journal knows of an order the process sent.</summary>
public enum JournalOrderState
{
    /// <summary>Written before the request left: the answer is not known yet (a crash here leaves it to reconciliation).</summary>
    Sent,

    /// <summary>The exchange accepted it and it rests (or is partly filled).</summary>
    Open,

    /// <summary>The exchange refused it; nothing happened.</summary>
    Rejected,

    /// <summary>Cancelled (by the process, the dead man's switch or the flattener).</summary>
    Cancelled,

    /// <summary>Completely filled.</summary>
    Filled,
}
