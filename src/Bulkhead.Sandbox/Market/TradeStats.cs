namespace Bulkhead.Sandbox.Market;

/// <summary>Figures over a window of public trades (Spot Ticker's today/24 h columns, Futures tickers' 24 h fields).</summary>
/// <param name="Volume">Traded volume.</param>
/// <param name="Vwap">Volume-weighted average price (0 without trades).</param>
/// <param name="Count">Number of trades.</param>
/// <param name="Low">Lowest price (0 without trades).</param>
/// <param name="High">Highest price (0 without trades).</param>
/// <param name="Open">First price in the window (0 without trades).</param>
/// <param name="QuoteVolume">Σ price × volume.</param>
public readonly record struct TradeStats(decimal Volume, decimal Vwap, int Count, decimal Low, decimal High, decimal Open, decimal QuoteVolume);
