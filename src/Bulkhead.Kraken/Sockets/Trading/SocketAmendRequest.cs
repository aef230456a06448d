namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>
/// An in-place change of a resting order (<c>amend_order</c>): ids and, where possible, queue priority are kept. Name it
/// by <see cref="OrderId"/> or <see cref="ClientOrderId"/> (exactly one), and change the quantity, the price or both.
/// </summary>
public sealed record SocketAmendRequest
{
    /// <summary>The order's id, or null when named by client order id.</summary>
    public string? OrderId { get; init; }

    /// <summary>The order's client order id, or null when named by id.</summary>
    public string? ClientOrderId { get; init; }

    /// <summary>The new total quantity (at or below what is filled cancels the rest), or null to keep it.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>The new limit price, or null to keep it.</summary>
    public decimal? LimitPrice { get; init; }

    /// <summary>Throws when the request cannot be sent as it is.</summary>
    public void Validate()
    {
        if ((OrderId is null) == (ClientOrderId is null))
        {
            throw new ArgumentException("Name the order by exactly one of OrderId and ClientOrderId.");
        }

        if (Quantity is null && LimitPrice is null)
        {
            throw new ArgumentException("Change at least one of Quantity and LimitPrice.");
        }

        if (Quantity is <= 0m || LimitPrice is <= 0m)
        {
            throw new ArgumentException("Quantity and LimitPrice are positive.");
        }
    }
}

/// <summary>The answer to <c>amend_order</c>.</summary>
/// <param name="AmendId">The amendment's id.</param>
/// <param name="OrderId">The order id, when the order was named by it (or the exchange echoes it).</param>
/// <param name="ClientOrderId">The client order id, when the order was named by it (or the exchange echoes it).</param>
public sealed record SocketAmendAck(string AmendId, string? OrderId, string? ClientOrderId);
