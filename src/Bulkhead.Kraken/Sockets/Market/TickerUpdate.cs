namespace Bulkhead.Kraken.Sockets.Market;

/// <summary>
/// A <c>ticker</c> item: the top of the book, the last trade and the rolling 24-hour figures. On the Unified WebSocket
/// (derivatives) the mark and index prices, the funding rate and the open interest too (UNCONFIRMED names, as the
/// sandbox prints them: <c>mark_price</c>, <c>index_price</c>, <c>funding_rate</c>, <c>open_interest</c>).
/// </summary>
public sealed record TickerUpdate(
    string Symbol,
    decimal Bid,
    decimal BidQuantity,
    decimal Ask,
    decimal AskQuantity,
    decimal Last,
    decimal Volume,
    decimal Vwap,
    decimal Low,
    decimal High,
    decimal Change,
    decimal ChangePercent)
{
    /// <summary>The mark price (derivatives), or null.</summary>
    public decimal? MarkPrice { get; init; }

    /// <summary>The index price (derivatives), or null.</summary>
    public decimal? IndexPrice { get; init; }

    /// <summary>The current funding rate (derivatives), or null.</summary>
    public decimal? FundingRate { get; init; }

    /// <summary>The open interest in contracts (derivatives), or null.</summary>
    public decimal? OpenInterest { get; init; }
}
