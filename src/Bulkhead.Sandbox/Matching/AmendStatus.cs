namespace Bulkhead.Sandbox.Matching;

/// <summary>The outcome of <see cref="OrderBook.Amend"/>.</summary>
public enum AmendStatus
{
    /// <summary>The order now has the new price and remaining quantity (it may have matched as a taker; see the listener's events).</summary>
    Amended,

    /// <summary>No resting order has this id.</summary>
    UnknownOrder,

    /// <summary>Refused, the order is unchanged: a post-only order would take, or the price or quantity is not positive.</summary>
    Rejected,
}
