namespace Bulkhead.Kraken.Venues;

/// <summary>One execution of one of the account's orders.</summary>
/// <param name="FillId">The venue's id for the execution.</param>
/// <param name="OrderId">The order that filled.</param>
/// <param name="ClientOrderId">The order's client id, when known.</param>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">The order's side.</param>
/// <param name="Quantity">The quantity filled.</param>
/// <param name="Price">The execution price.</param>
/// <param name="Time">When it happened, when known.</param>
/// <param name="IsMaker">True for a maker fill, false for a taker fill, null when neither (liquidation, assignment) or unknown.</param>
public sealed record VenueFill(string FillId, string OrderId, string? ClientOrderId, string Symbol, OrderSide Side, decimal Quantity, decimal Price, DateTimeOffset? Time, bool? IsMaker);
