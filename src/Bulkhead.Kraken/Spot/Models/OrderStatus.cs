namespace Bulkhead.Kraken.Spot.Models;

/// <summary>Where an order is in its life.</summary>
public enum OrderStatus
{
    /// <summary>A status this client does not know.</summary>
    Unknown = 0,

    /// <summary>Accepted, not yet in the book.</summary>
    Pending,

    /// <summary>In the book.</summary>
    Open,

    /// <summary>Filled.</summary>
    Closed,

    /// <summary>Cancelled (Kraken spells it <c>canceled</c>).</summary>
    Canceled,

    /// <summary>Expired.</summary>
    Expired,
}
