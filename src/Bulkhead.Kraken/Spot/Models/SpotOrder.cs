namespace Bulkhead.Kraken.Spot.Models;

/// <summary>An order as the exchange reports it (open, closed or queried).</summary>
/// <param name="Id">The order id (<c>XXXXXX-XXXXX-XXXXXX</c>).</param>
/// <param name="ClientOrderId">The client order id given at placement, if any.</param>
/// <param name="UserReference">The user reference given at placement, if any.</param>
/// <param name="Status">The status.</param>
/// <param name="OpenedAt">When the order was placed.</param>
/// <param name="ClosedAt">When it closed; null while open.</param>
/// <param name="Pair">The pair as the order description names it (usually the alternative name).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">The order type.</param>
/// <param name="LimitPrice">The primary price (limit or trigger price); zero for market orders.</param>
/// <param name="SecondaryPrice">The secondary price; zero when unused.</param>
/// <param name="Volume">The order volume.</param>
/// <param name="ExecutedVolume">The volume filled so far.</param>
/// <param name="Cost">The quote-asset cost of the fills.</param>
/// <param name="Fee">The fee paid so far.</param>
/// <param name="AveragePrice">The average fill price.</param>
/// <param name="Conditions">The order flags (post-only, fee currency, …).</param>
/// <param name="Description">The exchange's one-line description, e.g. <c>buy 1.25000000 XBTUSD @ limit 37500.0</c>.</param>
/// <param name="CloseReason">Why it closed, when reported.</param>
/// <param name="TradeIds">Ids of the order's trades, when reported.</param>
public sealed record SpotOrder(
    string Id,
    string? ClientOrderId,
    long? UserReference,
    OrderStatus Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    string Pair,
    OrderSide Side,
    SpotOrderType Type,
    decimal LimitPrice,
    decimal SecondaryPrice,
    decimal Volume,
    decimal ExecutedVolume,
    decimal Cost,
    decimal Fee,
    decimal AveragePrice,
    OrderConditions Conditions,
    string Description,
    string? CloseReason,
    IReadOnlyList<string> TradeIds);
