using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Reporting;

/// <summary>One of an account's executions as the exchange lists it (Spot <c>TradesHistory</c>, Futures <c>fills</c> + account log fee).</summary>
/// <param name="FillId">Spot trade id or Futures <c>fill_id</c>: the key the journal records it under.</param>
/// <param name="OrderId">The exchange's order id.</param>
/// <param name="Symbol">The symbol as the journal names it (Spot pair altname, Futures symbol).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Base quantity or contracts.</param>
/// <param name="Price">Execution price.</param>
/// <param name="Fee">The fee, in USD.</param>
/// <param name="Time">Execution time.</param>
public sealed record ExchangeFill(string FillId, string? OrderId, string Symbol, OrderSide Side, decimal Quantity, decimal Price, decimal Fee, DateTimeOffset Time);
