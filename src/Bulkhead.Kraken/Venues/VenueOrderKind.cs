namespace Bulkhead.Kraken.Venues;

/// <summary>How an order meets the book.</summary>
public enum VenueOrderKind
{
    /// <summary>A limit order that rests on the book.</summary>
    Limit,

    /// <summary>A market order (the venue may protect it with a price band).</summary>
    Market,

    /// <summary>A limit order that is refused rather than take liquidity.</summary>
    PostOnly,

    /// <summary>A limit order whose unmatched rest is cancelled at once.</summary>
    ImmediateOrCancel,
}
