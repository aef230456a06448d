using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Sockets.Trading;

/// <summary>
/// An order for <c>add_order</c> (and each order of <c>batch_add</c>). It always goes out with a client order id: the
/// caller's, or a fresh UUID — the one handle that finds it again after an ambiguous outcome.
/// </summary>
public sealed record SocketOrderRequest
{
    /// <summary>The symbol (<c>BTC/USD</c>; <c>PF_XBTUSD</c> on the Unified WebSocket). Not written for a <c>batch_add</c> order (the batch names it).</summary>
    public required string Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Limit or market.</summary>
    public SocketOrderType OrderType { get; init; } = SocketOrderType.Limit;

    /// <summary>The quantity in the base asset (contracts on derivatives); positive.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The limit price; required for a limit order, refused for a market order.</summary>
    public decimal? LimitPrice { get; init; }

    /// <summary>How long it rests.</summary>
    /// <value>Good till cancelled.</value>
    public TimeInForce TimeInForce { get; init; } = TimeInForce.GoodTillCancelled;

    /// <summary>When a good-till-date order expires; required with <see cref="TimeInForce.GoodTillDate"/>.</summary>
    public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>Only rest, never take.</summary>
    public bool PostOnly { get; init; }

    /// <summary>Only reduce a position (derivatives).</summary>
    public bool ReduceOnly { get; init; }

    /// <summary>The client order id (<c>cl_ord_id</c>); a UUID is generated when null.</summary>
    public string? ClientOrderId { get; init; }

    /// <summary>A user reference (Spot <c>order_userref</c>; derivatives have none).</summary>
    public long? UserReference { get; init; }

    /// <summary>
    /// The engine refuses the order if it reaches it after this time (Spot <c>deadline</c>, at most 60 s ahead). With a
    /// deadline, the look-up after an ambiguous outcome waits until it passed, so a late copy can no longer land.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Validate only: nothing is placed (<c>validate</c>).</summary>
    public bool ValidateOnly { get; init; }

    /// <summary>Throws when the order cannot be sent as it is (a bug in the caller, not an exchange outcome).</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Symbol, nameof(Symbol));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Quantity, nameof(Quantity));
        if (OrderType == SocketOrderType.Limit && LimitPrice is not > 0m)
        {
            throw new ArgumentException("A limit order needs a positive LimitPrice.", nameof(LimitPrice));
        }

        if (OrderType == SocketOrderType.Market && LimitPrice is not null)
        {
            throw new ArgumentException("A market order takes no LimitPrice.", nameof(LimitPrice));
        }

        if ((TimeInForce == TimeInForce.GoodTillDate) != (ExpireTime is not null))
        {
            throw new ArgumentException("ExpireTime goes with TimeInForce.GoodTillDate, and only with it.", nameof(ExpireTime));
        }

        if (ClientOrderId is { Length: 0 })
        {
            throw new ArgumentException("ClientOrderId is null (generate one) or not empty.", nameof(ClientOrderId));
        }
    }
}
