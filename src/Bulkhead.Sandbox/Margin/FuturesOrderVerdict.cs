namespace Bulkhead.Sandbox.Margin;

/// <summary>How a Futures order action ended, one member per Kraken status word (futures.md §2.4).</summary>
public enum FuturesOrderVerdict
{
    /// <summary><c>placed</c>: accepted and resting (possibly partly filled).</summary>
    Placed = 0,

    /// <summary><c>partiallyFilled</c>: an IOC or market order filled in part; the rest was cancelled.</summary>
    PartiallyFilled,

    /// <summary><c>filled</c>: filled completely at once.</summary>
    Filled,

    /// <summary><c>edited</c>: an edit took effect.</summary>
    Edited,

    /// <summary><c>cancelled</c>.</summary>
    Cancelled,

    /// <summary><c>insufficientAvailableFunds</c>: the account's margin cannot carry the order.</summary>
    InsufficientAvailableFunds,

    /// <summary><c>postWouldExecute</c>: a post-only order would have taken.</summary>
    PostWouldExecute,

    /// <summary><c>iocWouldNotExecute</c>: an IOC or market order found nothing to fill.</summary>
    IocWouldNotExecute,

    /// <summary><c>wouldNotReducePosition</c>: a reduce-only order would open or add.</summary>
    WouldNotReducePosition,

    /// <summary><c>selfFill</c>: the order would only have matched the account's own orders.</summary>
    SelfFill,

    /// <summary><c>invalidSize</c>.</summary>
    InvalidSize,

    /// <summary><c>invalidPrice</c>.</summary>
    InvalidPrice,

    /// <summary><c>clientOrderIdAlreadyExist</c>.</summary>
    ClientOrderIdAlreadyExist,

    /// <summary><c>tooManyOrders</c>: too many open orders on the instrument, or the trading counter is full.</summary>
    TooManyOrders,

    /// <summary><c>maxPositionViolation</c>.</summary>
    MaxPositionViolation,

    /// <summary><c>marketSuspended</c>: the account's Futures trading is switched off (subaccount trading-enabled).</summary>
    MarketSuspended,

    /// <summary><c>notFound</c> / <c>orderForEditNotFound</c>: no such open order.</summary>
    NotFound,

    /// <summary><c>filled</c> answered to a cancel: the order is no longer open because it filled.</summary>
    AlreadyFilled,
}
