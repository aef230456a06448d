namespace Bulkhead.Sandbox.Trading;

/// <summary>An order's state, with Kraken's Spot wire names (<c>open</c>, <c>closed</c>, <c>canceled</c>, <c>expired</c>).</summary>
public enum SandboxOrderStatus
{
    /// <summary>Resting on the book (possibly partly filled).</summary>
    Open = 0,

    /// <summary>Fully filled, or a market/IOC order that filled partly and had its rest cancelled.</summary>
    Closed,

    /// <summary>Cancelled (by the user, the dead man's switch, self-trade prevention, post-only, an edit).</summary>
    Canceled,

    /// <summary>A GTD order whose expiry passed.</summary>
    Expired,
}
