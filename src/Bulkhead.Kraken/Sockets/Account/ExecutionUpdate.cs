using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Sockets.Account;

/// <summary>
/// An <c>executions</c> item: an order event or a fill. Kraken sends only the changed fields of an order on Spot, the
/// whole order on the Unified WebSocket (the sandbox's choice), so everything but the ids is optional: merge updates by
/// <see cref="OrderId"/>. Fills carry <see cref="ExecutionId"/>, <see cref="LastQuantity"/>, <see cref="LastPrice"/>,
/// <see cref="Cost"/> and <see cref="Fees"/>.
/// </summary>
public sealed record ExecutionUpdate(ExecutionType ExecType, string ExecTypeText, string OrderId)
{
    /// <summary>The client order id, or null.</summary>
    public string? ClientOrderId { get; init; }

    /// <summary>The user reference (Spot <c>order_userref</c>), or null.</summary>
    public long? UserReference { get; init; }

    /// <summary>The symbol, or null.</summary>
    public string? Symbol { get; init; }

    /// <summary>The side, or null.</summary>
    public OrderSide? Side { get; init; }

    /// <summary>The order type as Kraken names it (<c>limit</c>, <c>market</c>), or null.</summary>
    public string? OrderType { get; init; }

    /// <summary>The order's quantity, or null.</summary>
    public decimal? OrderQuantity { get; init; }

    /// <summary>The limit price, or null.</summary>
    public decimal? LimitPrice { get; init; }

    /// <summary>The filled quantity so far, or null.</summary>
    public decimal? CumulativeQuantity { get; init; }

    /// <summary>The filled cost so far, or null.</summary>
    public decimal? CumulativeCost { get; init; }

    /// <summary>The average fill price, or null.</summary>
    public decimal? AveragePrice { get; init; }

    /// <summary>The order's status after the event as Kraken names it (<c>new</c>, <c>partially_filled</c>, <c>filled</c>, <c>canceled</c>, …), or null.</summary>
    public string? OrderStatus { get; init; }

    /// <summary>The time in force as Kraken names it, or null.</summary>
    public string? TimeInForce { get; init; }

    /// <summary>Post-only, or null.</summary>
    public bool? PostOnly { get; init; }

    /// <summary>Reduce-only, or null.</summary>
    public bool? ReduceOnly { get; init; }

    /// <summary>A fill's id (<c>exec_id</c>), or null.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>A fill's public trade id, or null.</summary>
    public long? TradeId { get; init; }

    /// <summary>A fill's quantity, or null.</summary>
    public decimal? LastQuantity { get; init; }

    /// <summary>A fill's price, or null.</summary>
    public decimal? LastPrice { get; init; }

    /// <summary>A fill's cost, or null.</summary>
    public decimal? Cost { get; init; }

    /// <summary>A fill's fees.</summary>
    public IReadOnlyList<ExecutionFee> Fees { get; init; } = [];

    /// <summary>Maker (<c>m</c>) or taker (<c>t</c>), or null.</summary>
    public string? LiquidityIndicator { get; init; }

    /// <summary>Why an order was cancelled or expired, or null.</summary>
    public string? Reason { get; init; }

    /// <summary>The account's trading counter on the pair (<c>ratecount</c>, with <c>ratecounter: true</c>), or null.</summary>
    public decimal? RateCount { get; init; }

    /// <summary>The event's time, or null.</summary>
    public DateTimeOffset? Time { get; init; }
}

/// <summary>A fee of one fill.</summary>
/// <param name="Asset">The asset it was paid in.</param>
/// <param name="Quantity">The amount.</param>
public sealed record ExecutionFee(string Asset, decimal Quantity);
