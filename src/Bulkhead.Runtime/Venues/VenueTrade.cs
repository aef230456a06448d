using Bulkhead.Kraken.Venues;

namespace Bulkhead.Runtime.Venues;

/// <summary>One execution of one of the account's orders, with its fee (what the fill journal records).</summary>
/// <param name="FillId">The exchange's trade id (Spot) or fill id (Futures).</param>
/// <param name="OrderId">The order that filled.</param>
/// <param name="Symbol">The pair or contract as the strategy names it.</param>
/// <param name="Side">The order's side.</param>
/// <param name="Quantity">Base quantity or contracts.</param>
/// <param name="Price">Execution price.</param>
/// <param name="Fee">The fee charged, in <paramref name="FeeAsset"/>.</param>
/// <param name="FeeAsset">The fee's asset.</param>
/// <param name="Time">The exchange's execution time.</param>
public sealed record VenueTrade(string FillId, string? OrderId, string Symbol, OrderSide Side, decimal Quantity, decimal Price, decimal Fee, string FeeAsset, DateTimeOffset Time);
