namespace Bulkhead.Sandbox.Matching;

/// <summary>An order to submit to an <see cref="OrderBook"/>, in integer ticks and lots (see <see cref="BookScale"/>).</summary>
/// <param name="OrderId">The caller's id, unique on the book while the order rests (the exchange's global sequence).</param>
/// <param name="Owner">The self-trade group's numeric id (an account, or for Futures an account family); self-trade prevention compares it.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Kind">Limit or market.</param>
/// <param name="Price">Limit price in ticks (positive); ignored for a market order.</param>
/// <param name="Quantity">Quantity in lots (positive).</param>
/// <param name="TimeInForce">Good-till-cancelled (default) or immediate-or-cancel.</param>
/// <param name="PostOnly">Rejected, with no change, if any of it would take. Limit orders only.</param>
/// <param name="SelfTrade">Self-trade prevention mode used when this order takes (and when an amend makes it take).</param>
/// <param name="Account">The account's numeric id inside its owner group (0: the owner itself); equal to <paramref name="Owner"/> for the group's head (a master).</param>
public readonly record struct NewOrder(
    long OrderId,
    long Owner,
    Side Side,
    OrderKind Kind,
    long Price,
    long Quantity,
    TimeInForce TimeInForce = TimeInForce.GoodTillCancelled,
    bool PostOnly = false,
    SelfTradePrevention SelfTrade = SelfTradePrevention.CancelNewest,
    long Account = 0);
