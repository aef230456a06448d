namespace Bulkhead.Sandbox.Matching;

/// <summary>
/// What happens when a taker would match a resting order of the same <see cref="NewOrder.Owner"/> (Kraken's
/// <c>stptype</c>). The taker's mode decides.
/// </summary>
public enum SelfTradePrevention
{
    /// <summary>Kraken <c>cancel-newest</c> (the default): the rest of the taker is cancelled; the resting order stays.</summary>
    CancelNewest,

    /// <summary>Kraken <c>cancel-oldest</c>: the resting order is cancelled and the taker goes on matching.</summary>
    CancelOldest,

    /// <summary>Kraken <c>cancel-both</c>: the resting order and the rest of the taker are both cancelled.</summary>
    CancelBoth,
}
