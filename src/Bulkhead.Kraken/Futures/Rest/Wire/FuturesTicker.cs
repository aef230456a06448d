using System.Text.Json.Serialization;

namespace Bulkhead.Kraken.Futures.Rest.Wire;

/// <summary>A market or index ticker (<c>GET /tickers</c>, <c>tickers[]</c>). Index tickers carry only symbol, last and time.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Bid">Best bid.</param>
/// <param name="BidSize">Size at the best bid.</param>
/// <param name="Ask">Best ask.</param>
/// <param name="AskSize">Size at the best ask.</param>
/// <param name="Last">Last trade price.</param>
/// <param name="LastTime">Last trade time.</param>
/// <param name="MarkPrice">Mark price.</param>
/// <param name="IndexPrice">Index price.</param>
/// <param name="Volume24h">24-hour volume (<c>vol24h</c>).</param>
/// <param name="OpenInterest">Open interest.</param>
/// <param name="FundingRate">Absolute funding rate (perpetuals).</param>
/// <param name="Suspended">Whether the market is suspended.</param>
internal sealed record FuturesTicker(
    [property: JsonPropertyName("symbol")] string Symbol,
    [property: JsonPropertyName("bid")] decimal? Bid,
    [property: JsonPropertyName("bidSize")] decimal? BidSize,
    [property: JsonPropertyName("ask")] decimal? Ask,
    [property: JsonPropertyName("askSize")] decimal? AskSize,
    [property: JsonPropertyName("last")] decimal? Last,
    [property: JsonPropertyName("lastTime")] DateTimeOffset? LastTime,
    [property: JsonPropertyName("markPrice")] decimal? MarkPrice,
    [property: JsonPropertyName("indexPrice")] decimal? IndexPrice,
    [property: JsonPropertyName("vol24h")] decimal? Volume24h,
    [property: JsonPropertyName("openInterest")] decimal? OpenInterest,
    [property: JsonPropertyName("fundingRate")] decimal? FundingRate,
    [property: JsonPropertyName("suspended")] bool? Suspended);
