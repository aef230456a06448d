using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Fills;

/// <summary>An order a fleet process sent, as its journal records it (upserted by account and client order id).</summary>
/// <param name="Account">The (sub)account it was sent on.</param>
/// <param name="Strategy">The strategy it serves (the flattener journals under its strategy too).</param>
/// <param name="Process">The manifest process that sent it.</param>
/// <param name="Venue">Spot or Futures.</param>
/// <param name="Symbol">The pair or contract, as sent (<c>XBTUSD</c>, <c>PF_XBTUSD</c>).</param>
/// <param name="ClientOrderId">The client order id the process chose (unique per account).</param>
/// <param name="OrderId">The exchange's order id once known.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Base quantity (Spot) or contracts (Futures).</param>
/// <param name="LimitPrice">The limit price; null for a market order.</param>
/// <param name="Type">The order type as sent (<c>limit</c>, <c>market</c>, <c>ioc</c>, <c>post</c>…).</param>
/// <param name="State">What the journal knows of it.</param>
/// <param name="Time">When this state was recorded.</param>
public sealed record JournalOrder(
    string Account,
    string Strategy,
    string Process,
    Venue Venue,
    string Symbol,
    string ClientOrderId,
    string? OrderId,
    OrderSide Side,
    decimal Quantity,
    decimal? LimitPrice,
    string Type,
    JournalOrderState State,
    DateTimeOffset Time);
