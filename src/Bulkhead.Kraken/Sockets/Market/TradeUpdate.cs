using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Sockets.Market;

/// <summary>A <c>trade</c> item: one public trade.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">The taker's side.</param>
/// <param name="Price">The price.</param>
/// <param name="Quantity">The quantity.</param>
/// <param name="OrderType">The taker's order type as Kraken names it (<c>market</c>, <c>limit</c>).</param>
/// <param name="TradeId">The trade id, sequential per symbol.</param>
/// <param name="Time">When it traded.</param>
public sealed record TradeUpdate(string Symbol, OrderSide Side, decimal Price, decimal Quantity, string OrderType, long TradeId, DateTimeOffset Time);
