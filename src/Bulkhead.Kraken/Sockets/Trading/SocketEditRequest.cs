namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>
/// A cancel-and-replace of a resting Spot order (<c>edit_order</c>): the replacement gets a new order id and loses the
/// queue position. The Unified WebSocket has no <c>edit_order</c>; amend instead.
/// </summary>
/// <param name="OrderId">The order to replace.</param>
/// <param name="Symbol">The order's symbol.</param>
public sealed record SocketEditRequest(string OrderId, string Symbol)
{
    /// <summary>The replacement's quantity, or null to keep it.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>The replacement's limit price, or null to keep it.</summary>
    public decimal? LimitPrice { get; init; }

    /// <summary>The replacement's user reference, or null.</summary>
    public long? UserReference { get; init; }

    /// <summary>Throws when the request cannot be sent as it is.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(OrderId, nameof(OrderId));
        ArgumentException.ThrowIfNullOrWhiteSpace(Symbol, nameof(Symbol));
        if (Quantity is <= 0m || LimitPrice is <= 0m)
        {
            throw new ArgumentException("Quantity and LimitPrice are positive.");
        }
    }
}

/// <summary>The answer to <c>edit_order</c>.</summary>
/// <param name="OrderId">The replacement's order id.</param>
/// <param name="OriginalOrderId">The replaced order's id.</param>
public sealed record SocketEditAck(string OrderId, string OriginalOrderId);
