using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>An order for <see cref="FuturesRestClient.SendOrderAsync"/>.</summary>
public sealed record FuturesOrderRequest
{
    /// <summary>The instrument, e.g. <c>PF_XBTUSD</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>The order type.</summary>
    public required FuturesOrderType OrderType { get; init; }

    /// <summary>The size in contracts (for <c>PF_</c> contracts: base units, at most <c>contractValueTradePrecision</c> decimals); positive.</summary>
    public required decimal Size { get; init; }

    /// <summary>The limit price; for stops and take-profits the worst fill price (null: a market order on trigger).</summary>
    /// <value>Null.</value>
    public decimal? LimitPrice { get; init; }

    /// <summary>The trigger price of a stop or take-profit.</summary>
    /// <value>Null.</value>
    public decimal? StopPrice { get; init; }

    /// <summary>True when the order may only reduce a position.</summary>
    /// <value>False.</value>
    public bool ReduceOnly { get; init; }

    /// <summary>The client order id (at most 100 characters, unique). Null: the client generates one, because it is how a lost answer is recovered.</summary>
    /// <value>Null.</value>
    public string? ClientOrderId { get; init; }
}
