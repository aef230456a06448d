namespace Bulkhead.Sandbox.Matching;

/// <summary>
/// Receives an <see cref="OrderBook"/>'s events synchronously, in the order they happen. Calls are made while the
/// book is mid-operation: a listener must not call back into the same book, and must not throw (the command would be
/// left half applied); collect the events and act on them after the call returns.
/// </summary>
public interface IMatchListener
{
    /// <summary>A maker and a taker matched.</summary>
    /// <param name="fill">The match.</param>
    void OnFill(in Fill fill);

    /// <summary>The (rest of the) order now rests on the book; also raised after an amend leaves it resting.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="remaining">Lots resting.</param>
    void OnRested(long orderId, long remaining);

    /// <summary>The order (or its rest) was removed, or never rested, without (further) filling.</summary>
    /// <param name="orderId">The order.</param>
    /// <param name="remaining">Lots cancelled.</param>
    /// <param name="reason">Why.</param>
    void OnCancelled(long orderId, long remaining, CancelReason reason);
}
