namespace Bulkhead.Fleet.Treasury;

/// <summary>The three outcomes of a money-moving call.</summary>
public enum TreasuryCallResult
{
    /// <summary>The exchange did it.</summary>
    Done,

    /// <summary>The exchange (or the client, before sending) refused: nothing moved.</summary>
    Refused,

    /// <summary>No clear answer: it may have moved. The step stays pending and a rerun looks it up.</summary>
    Unknown,
}
