namespace Bulkhead.Sandbox.Matching;

/// <summary>
/// What happens when a taker would match a resting order of the same <see cref="NewOrder.Owner"/> (Kraken's Spot
/// <c>stptype</c>; for Futures the master account's <c>self-trade-strategy</c>, the owner then being the account
/// family). The taker's mode decides.
/// </summary>
public enum SelfTradePrevention
{
    /// <summary>Kraken <c>cancel-newest</c> (the default): the rest of the taker is cancelled; the resting order stays.</summary>
    CancelNewest,

    /// <summary>Kraken <c>cancel-oldest</c>: the resting order is cancelled and the taker goes on matching.</summary>
    CancelOldest,

    /// <summary>Kraken <c>cancel-both</c>: the resting order and the rest of the taker are both cancelled.</summary>
    CancelBoth,

    /// <summary>
    /// Futures <c>CANCEL_MAKER_SELF</c>: a resting order of the taker's own <see cref="NewOrder.Account"/> is cancelled and the
    /// taker goes on; one of another account of the family cancels the rest of the taker.
    /// </summary>
    CancelMakerSelf,

    /// <summary>
    /// Futures <c>CANCEL_MAKER_CHILD</c>: as <see cref="CancelMakerSelf"/>, and a master's taker (its account is the owner)
    /// also cancels its subaccounts' resting orders.
    /// </summary>
    CancelMakerChild,
}
