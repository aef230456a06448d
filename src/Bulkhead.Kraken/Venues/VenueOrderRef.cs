namespace Bulkhead.Kraken.Venues;

/// <summary>Names one order: by the venue's id or by the caller's client order id.</summary>
public readonly record struct VenueOrderRef
{
    private VenueOrderRef(string? orderId, string? clientOrderId)
    {
        OrderId = orderId;
        ClientOrderId = clientOrderId;
    }

    /// <summary>The venue's order id, or null.</summary>
    public string? OrderId { get; }

    /// <summary>The client order id, or null.</summary>
    public string? ClientOrderId { get; }

    /// <summary>An order named by the venue's id.</summary>
    public static VenueOrderRef ByOrderId(string orderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        return new VenueOrderRef(orderId, null);
    }

    /// <summary>An order named by the caller's client order id.</summary>
    public static VenueOrderRef ByClientOrderId(string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId);
        return new VenueOrderRef(null, clientOrderId);
    }

    /// <inheritdoc />
    public override string ToString() => OrderId is not null ? $"order {OrderId}" : $"client order {ClientOrderId}";
}
