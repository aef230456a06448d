namespace Bulkhead.Sandbox.Margin;

/// <summary>The Futures order types the sandbox trades (<c>sendorder</c> <c>orderType</c>).</summary>
public enum FuturesOrderKind
{
    /// <summary><c>lmt</c>: a limit order that rests.</summary>
    Limit = 0,

    /// <summary><c>post</c>: a post-only limit order; refused (<c>postWouldExecute</c>) if it would take.</summary>
    PostOnly,

    /// <summary><c>mkt</c>: immediate-or-cancel at the mark price ± 1 % (Kraken's price protection); shown as <c>ioc</c>.</summary>
    Market,

    /// <summary><c>ioc</c>: an immediate-or-cancel limit order; refused (<c>iocWouldNotExecute</c>) if nothing fills.</summary>
    ImmediateOrCancel,
}
