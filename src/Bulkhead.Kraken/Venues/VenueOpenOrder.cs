namespace Bulkhead.Kraken.Venues;

/// <summary>An order resting on the book.</summary>
/// <param name="OrderId">The venue's order id.</param>
/// <param name="ClientOrderId">The client order id, when one was set.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Kind">How it meets the book; null for kinds outside <see cref="VenueOrderKind"/> (stops, take-profits).</param>
/// <param name="Quantity">The original quantity (filled plus open).</param>
/// <param name="FilledQuantity">The quantity filled so far.</param>
/// <param name="LimitPrice">The limit price, when there is one.</param>
/// <param name="ReduceOnly">True when the order may only reduce a position.</param>
/// <param name="PlacedAt">When the venue received it, when known.</param>
public sealed record VenueOpenOrder(string OrderId, string? ClientOrderId, string Symbol, OrderSide Side, VenueOrderKind? Kind, decimal Quantity, decimal FilledQuantity, decimal? LimitPrice, bool ReduceOnly, DateTimeOffset? PlacedAt);
