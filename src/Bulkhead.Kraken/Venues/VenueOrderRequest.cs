namespace Bulkhead.Kraken.Venues;

/// <summary>An order to place, in venue-neutral terms.</summary>
public sealed record VenueOrderRequest
{
    /// <summary>The instrument, as the venue names it (e.g. <c>PF_XBTUSD</c>).</summary>
    public required string Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>How the order meets the book.</summary>
    public required VenueOrderKind Kind { get; init; }

    /// <summary>The quantity in the instrument's trading unit; positive.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The limit price; required for every kind except <see cref="VenueOrderKind.Market"/>.</summary>
    /// <value>Null.</value>
    public decimal? LimitPrice { get; init; }

    /// <summary>True when the order may only reduce an open position.</summary>
    /// <value>False.</value>
    public bool ReduceOnly { get; init; }

    /// <summary>
    /// The caller's id for the order, unique for the account. Null: the transport generates one. It is how a placement
    /// whose answer was lost is found again, so it is always sent.
    /// </summary>
    /// <value>Null.</value>
    public string? ClientOrderId { get; init; }
}
