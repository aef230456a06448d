namespace Bulkhead.Kraken.Venues;

/// <summary>One execution of one of the account's orders: the one fill record every reader of fills uses.</summary>
/// <param name="FillId">The venue's id for the execution (Spot trade id, Futures <c>fill_id</c>): the key the fill journal records it under.</param>
/// <param name="OrderId">The order that filled.</param>
/// <param name="ClientOrderId">The order's client id, when known.</param>
/// <param name="Symbol">The instrument, as the venue's instrument list names it (Spot: the pair's alternative name, <c>XBTUSD</c>; Futures: <c>PF_XBTUSD</c>).</param>
/// <param name="Side">The order's side.</param>
/// <param name="Quantity">The quantity filled.</param>
/// <param name="Price">The execution price.</param>
/// <param name="Time">When it happened (for a fill reported with an order's acknowledgement: when the venue received the order).</param>
/// <param name="IsMaker">True for a maker fill, false for a taker fill, null when neither (liquidation, assignment) or unknown.</param>
/// <param name="Fee">
/// The fee charged for it; always set by <see cref="IFillVenue"/>, null on fills reported with an order's acknowledgement
/// (the venue books the fee later).
/// </param>
public sealed record VenueFill(string FillId, string OrderId, string? ClientOrderId, string Symbol, OrderSide Side, decimal Quantity, decimal Price, DateTimeOffset Time, bool? IsMaker, VenueFee? Fee);
