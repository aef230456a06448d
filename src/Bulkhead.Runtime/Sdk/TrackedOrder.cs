using Bulkhead.Kraken.Venues;

namespace Bulkhead.Runtime.Sdk;

/// <summary>One of the strategy's orders the host believes is resting.</summary>
/// <param name="ClientOrderId">The client order id it was sent with.</param>
/// <param name="OrderId">The exchange's id.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Its quantity.</param>
/// <param name="LimitPrice">Its limit price (null: market).</param>
/// <param name="Type">How it was sent (<c>limit</c>, <c>market</c>, <c>post</c>, <c>ioc</c>).</param>
/// <param name="PlacedAt">When the exchange accepted it.</param>
public sealed record TrackedOrder(string ClientOrderId, string OrderId, string Symbol, OrderSide Side, decimal Quantity, decimal? LimitPrice, string Type, DateTimeOffset PlacedAt)
{
    /// <summary>What is still open (the quantity minus what has filled).</summary>
    public decimal Remaining { get; init; } = Quantity;
}
