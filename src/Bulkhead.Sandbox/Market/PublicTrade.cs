namespace Bulkhead.Sandbox.Market;

/// <summary>One fill as the public sees it (Spot <c>Trades</c>, Futures <c>history</c>): no accounts, the taker's side.</summary>
/// <param name="Id">Per-book sequence number from 1 (Kraken's integer <c>trade_id</c>).</param>
/// <param name="Time">When it happened.</param>
/// <param name="Price">Price (the maker's).</param>
/// <param name="Volume">Volume (Futures: contracts).</param>
/// <param name="TakerBuys">True if the taker bought (<c>b</c> / <c>buy</c>).</param>
/// <param name="TakerMarket">True if the taker was a market order (<c>m</c>), false for a limit order (<c>l</c>).</param>
public readonly record struct PublicTrade(long Id, DateTimeOffset Time, decimal Price, decimal Volume, bool TakerBuys, bool TakerMarket);
