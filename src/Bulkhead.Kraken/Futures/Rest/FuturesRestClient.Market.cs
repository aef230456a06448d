using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Internal;
using Bulkhead.Kraken.Futures.Rest.Wire;

namespace Bulkhead.Kraken.Futures.Rest;

public sealed partial class FuturesRestClient
{
    /// <summary>Every instrument (<c>GET /instruments</c>, public). Retried on transient failures.</summary>
    internal Task<KrakenResult<IReadOnlyList<FuturesInstrument>>> GetInstrumentsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<FuturesInstrument>>(HttpMethod.Get, "instruments", "instruments", null, authenticated: false, cancellationToken);

    /// <summary>Every ticker (<c>GET /tickers</c>, public).</summary>
    internal Task<KrakenResult<IReadOnlyList<FuturesTicker>>> GetTickersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<FuturesTicker>>(HttpMethod.Get, "tickers", "tickers", null, authenticated: false, cancellationToken);

    /// <summary>The full order book of one instrument (<c>GET /orderbook?symbol=</c>, public).</summary>
    internal async Task<KrakenResult<FuturesOrderBook>> GetOrderBookAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        var answer = await CallAsync(HttpMethod.Get, "orderbook", [new("symbol", symbol)], authenticated: false, cancellationToken).ConfigureAwait(false);
        if (!answer.Success)
        {
            return answer.Error;
        }

        var root = answer.Value;
        if (!root.TryGetProperty("orderBook", out var book) || !IsObject(book))
        {
            return Unexpected("orderbook", "no 'orderBook' object");
        }

        var bids = Levels(book, "bids");
        var asks = Levels(book, "asks");
        if (bids is null || asks is null)
        {
            return Unexpected("orderbook", "'bids' and 'asks' must be arrays of [price, size]");
        }

        var time = root.TryGetProperty("serverTime", out var t) ? FuturesJson.Timestamp(t) : null;
        return KrakenResult<FuturesOrderBook>.Ok(new FuturesOrderBook(bids, asks, time));
    }

    private static List<FuturesBookLevel>? Levels(JsonElement book, string side)
    {
        if (!book.TryGetProperty(side, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var levels = new List<FuturesBookLevel>(array.GetArrayLength());
        foreach (var level in array.EnumerateArray())
        {
            if (level.ValueKind != JsonValueKind.Array || level.GetArrayLength() < 2
                || !FuturesJson.TryDecimal(level[0], out var price) || !FuturesJson.TryDecimal(level[1], out var quantity))
            {
                return null;
            }

            levels.Add(new FuturesBookLevel(price, quantity));
        }

        return levels;
    }
}
