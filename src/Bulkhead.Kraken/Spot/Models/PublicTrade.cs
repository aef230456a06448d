namespace Bulkhead.Kraken.Spot.Models;

/// <summary>One trade on the public tape.</summary>
/// <param name="Price">The price.</param>
/// <param name="Volume">The volume.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Side">The taker's side.</param>
/// <param name="IsMarketOrder">True when the taker was a market order, false for a limit order.</param>
/// <param name="Miscellaneous">Kraken's miscellaneous field, verbatim.</param>
/// <param name="TradeId">The trade id, when reported.</param>
public sealed record PublicTrade(decimal Price, decimal Volume, DateTimeOffset Time, OrderSide Side, bool IsMarketOrder, string Miscellaneous, long? TradeId);
