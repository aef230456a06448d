namespace Bulkhead.Sandbox.Matching;

/// <summary>The outcome of <see cref="OrderBook.Submit"/>.</summary>
public enum SubmitStatus
{
    /// <summary>Nothing filled; the whole order rests.</summary>
    Rested,

    /// <summary>Completely filled as a taker.</summary>
    Filled,

    /// <summary>Partly filled as a taker; the rest rests.</summary>
    PartiallyFilledRested,

    /// <summary>The rest (possibly all of it) was cancelled: IOC, market without liquidity, or self-trade prevention. <see cref="SubmitResult.Filled"/> says how much filled first.</summary>
    Cancelled,

    /// <summary>A post-only order would have taken: nothing changed on the book.</summary>
    Rejected,
}
