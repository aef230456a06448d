namespace Bulkhead.Kraken.Spot.Models;

/// <summary>One of the account's own trades (a fill).</summary>
/// <param name="Id">The trade id.</param>
/// <param name="OrderId">The order that filled.</param>
/// <param name="Pair">The pair id.</param>
/// <param name="Time">When it filled.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="OrderType">The order's type.</param>
/// <param name="Price">The fill price.</param>
/// <param name="Cost">The quote-asset cost.</param>
/// <param name="Fee">The fee.</param>
/// <param name="Volume">The filled volume.</param>
/// <param name="IsMaker">True when the fill provided liquidity; null when not reported.</param>
public sealed record OwnTrade(string Id, string OrderId, string Pair, DateTimeOffset Time, OrderSide Side, SpotOrderType OrderType, decimal Price, decimal Cost, decimal Fee, decimal Volume, bool? IsMaker);
