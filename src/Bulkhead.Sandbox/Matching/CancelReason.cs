namespace Bulkhead.Sandbox.Matching;

/// <summary>Why an order (or the rest of one) left the book, or never reached it, without filling.</summary>
public enum CancelReason
{
    /// <summary><see cref="OrderBook.Cancel"/> was called.</summary>
    User,

    /// <summary>Self-trade prevention removed it (see <see cref="SelfTradePrevention"/>).</summary>
    SelfTrade,

    /// <summary>The unfilled rest of an immediate-or-cancel limit order.</summary>
    ImmediateOrCancel,

    /// <summary>The unfilled rest of a market order: the book had no more liquidity.</summary>
    NoLiquidity,

    /// <summary>A post-only order would have taken; it was rejected and nothing changed.</summary>
    PostOnly,

    /// <summary>Not emitted by the engine (an amend keeps the order id); for callers that edit by cancel and replace.</summary>
    Amended,
}
