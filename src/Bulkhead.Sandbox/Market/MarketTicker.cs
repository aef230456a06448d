namespace Bulkhead.Sandbox.Market;

/// <summary>
/// One book's ticker figures, the one calculation behind Spot REST <c>Ticker</c>, Futures REST <c>tickers</c> and the
/// WebSocket <c>ticker</c> channel: the top of the book, the last trade, the rolling 24 h trade statistics and, for a
/// Futures instrument, mark and index prices and open interest.
/// </summary>
/// <param name="Bid">Best bid, or null on an empty side.</param>
/// <param name="Ask">Best ask, or null on an empty side.</param>
/// <param name="Last">The last public trade, or null.</param>
/// <param name="Day">Statistics of the trades of the last 24 hours.</param>
/// <param name="Derivatives">Mark, index and open interest of a Futures instrument; null for a Spot pair.</param>
public sealed record MarketTicker(MarketLevel? Bid, MarketLevel? Ask, PublicTrade? Last, TradeStats Day, DerivativesFigures? Derivatives)
{
    /// <summary>Last price minus the first price of the 24 h window (0 without trades in it).</summary>
    public decimal Change => Day.Count > 0 && Last is { } last ? last.Price - Day.Open : 0m;

    /// <summary><see cref="Change"/> in percent of the window's first price (0 without trades in it).</summary>
    public decimal ChangePercent => Day.Count > 0 && Day.Open != 0m ? Change / Day.Open * 100m : 0m;
}
