using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// One side of one fill: each fill writes two trades (maker and taker, two accounts) sharing <see cref="Id"/>, which is
/// also the ledger refid of every entry the fill booked (both sides and the fees), so each refid sums to zero per asset.
/// </summary>
/// <param name="Id">Kraken-style trade id, <c>TXXXXX-XXXXX-XXXXXX</c>; shared by the two sides.</param>
/// <param name="OrderId">This side's order txid.</param>
/// <param name="Account">This side's account.</param>
/// <param name="Venue">Spot or Futures.</param>
/// <param name="Symbol">Pair id or Futures symbol.</param>
/// <param name="Side">This side's direction.</param>
/// <param name="Kind">This side's order type.</param>
/// <param name="Price">The fill price (the maker's).</param>
/// <param name="Volume">The quantity filled.</param>
/// <param name="Cost">The quote value booked.</param>
/// <param name="Fee">The fee this side paid.</param>
/// <param name="FeeAsset">The asset of <see cref="Fee"/>.</param>
/// <param name="IsMaker">True for the side that rested.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Sequence">Global order of trades.</param>
/// <param name="UsdVolume">The fill's value in USD, for the 30-day fee volume.</param>
public sealed record SandboxTrade(
    string Id,
    string OrderId,
    string Account,
    TradingVenue Venue,
    string Symbol,
    Side Side,
    OrderKind Kind,
    decimal Price,
    decimal Volume,
    decimal Cost,
    decimal Fee,
    string FeeAsset,
    bool IsMaker,
    DateTimeOffset Time,
    long Sequence,
    decimal UsdVolume)
{
    /// <summary>The ledger refid of the fill's entries (the trade id, Kraken's convention).</summary>
    public string LedgerRefId => Id;
}
