namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>A change to a resting order for <see cref="FuturesRestClient.EditOrderAsync"/>. Name the order by exactly one id.</summary>
internal sealed record FuturesEditRequest
{
    /// <summary>Kraken's order id.</summary>
    /// <value>Null.</value>
    public string? OrderId { get; init; }

    /// <summary>The client order id.</summary>
    /// <value>Null.</value>
    public string? ClientOrderId { get; init; }

    /// <summary>The new open size.</summary>
    /// <value>Null: unchanged.</value>
    public decimal? Size { get; init; }

    /// <summary>The new limit price.</summary>
    /// <value>Null: unchanged.</value>
    public decimal? LimitPrice { get; init; }

    /// <summary>The new stop price.</summary>
    /// <value>Null: unchanged.</value>
    public decimal? StopPrice { get; init; }
}
