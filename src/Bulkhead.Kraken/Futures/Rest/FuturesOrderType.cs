namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>The order types <c>sendorder</c> takes (wire <c>orderType</c>).</summary>
public enum FuturesOrderType
{
    /// <summary><c>lmt</c>: a resting limit order.</summary>
    Limit,

    /// <summary><c>post</c>: a post-only limit order.</summary>
    PostOnly,

    /// <summary><c>mkt</c>: an immediate-or-cancel order with Kraken's 1 % price protection.</summary>
    Market,

    /// <summary><c>ioc</c>: an immediate-or-cancel limit order.</summary>
    ImmediateOrCancel,

    /// <summary><c>fok</c>: fill completely at once or not at all.</summary>
    FillOrKill,

    /// <summary><c>stp</c>: a stop order (needs <see cref="FuturesOrderRequest.StopPrice"/>).</summary>
    Stop,

    /// <summary><c>take_profit</c>: a take-profit order (needs <see cref="FuturesOrderRequest.StopPrice"/>).</summary>
    TakeProfit,
}
