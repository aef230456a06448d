namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Kraken Futures' self-trade strategy of a master account and its subaccounts (<c>GET/PUT /self-trade-strategy</c>):
/// what happens when a taker would match a resting order of the same account family.
/// </summary>
public enum FuturesSelfTradeStrategy
{
    /// <summary><c>REJECT_TAKER</c> (the default): the taker is rejected (its rest cancelled); the maker stays.</summary>
    RejectTaker = 0,

    /// <summary><c>CANCEL_MAKER_SELF</c>: the taker's own account's makers are cancelled; another family member's reject the taker.</summary>
    CancelMakerSelf,

    /// <summary><c>CANCEL_MAKER_CHILD</c>: as <see cref="CancelMakerSelf"/>, and a master's taker also cancels its subaccounts' makers.</summary>
    CancelMakerChild,

    /// <summary><c>CANCEL_MAKER_ANY</c>: any family member's maker is cancelled and the taker goes on.</summary>
    CancelMakerAny,
}
