namespace Bulkhead.Sandbox.Market;

/// <summary>A committed fill as the market-data tape takes it from the trading core.</summary>
/// <param name="Symbol">Pair id or Futures symbol.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Price">Price.</param>
/// <param name="Volume">Volume.</param>
/// <param name="TakerBuys">True if the taker bought.</param>
/// <param name="TakerMarket">True if the taker was a market order.</param>
internal readonly record struct PublicFill(string Symbol, DateTimeOffset Time, decimal Price, decimal Volume, bool TakerBuys, bool TakerMarket);
