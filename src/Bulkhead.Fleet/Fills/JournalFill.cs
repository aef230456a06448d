using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Fills;

/// <summary>One execution of one of the account's orders, as the exchange reported it (inserted once per account and fill id).</summary>
/// <param name="Account">The (sub)account.</param>
/// <param name="Strategy">The strategy the account serves.</param>
/// <param name="Process">The process that recorded it.</param>
/// <param name="Venue">Spot or Futures.</param>
/// <param name="Symbol">The pair or contract as the process names it (<c>XBTUSD</c>, <c>PF_XBTUSD</c>).</param>
/// <param name="FillId">The exchange's trade id (Spot TradesHistory key) or fill id (Futures fills).</param>
/// <param name="OrderId">The exchange's order id.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Base quantity or contracts, positive.</param>
/// <param name="Price">The execution price (quote per base).</param>
/// <param name="Fee">The fee charged, in <paramref name="FeeAsset"/>.</param>
/// <param name="FeeAsset">The fee's asset (<c>ZUSD</c>, <c>USD</c>).</param>
/// <param name="Time">The exchange's execution time.</param>
public sealed record JournalFill(
    string Account,
    string Strategy,
    string Process,
    Venue Venue,
    string Symbol,
    string FillId,
    string? OrderId,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    string FeeAsset,
    DateTimeOffset Time);
