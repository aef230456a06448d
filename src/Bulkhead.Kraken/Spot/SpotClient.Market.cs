using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Internal;
using Bulkhead.Kraken.Spot.Models;

namespace Bulkhead.Kraken.Spot;

public sealed partial class SpotClient
{
    /// <summary>The exchange's clock (<c>Time</c>).</summary>
    public Task<KrakenResult<ServerTime>> GetServerTimeAsync(CancellationToken cancellationToken = default) =>
        PublicAsync("Time", null, MarketWire.ServerTime, cancellationToken);

    /// <summary>Whether the exchange is online, in maintenance, cancel-only or post-only (<c>SystemStatus</c>).</summary>
    public Task<KrakenResult<SystemStatus>> GetSystemStatusAsync(CancellationToken cancellationToken = default) =>
        PublicAsync("SystemStatus", null, MarketWire.SystemStatus, cancellationToken);

    /// <summary>Assets by id (<c>Assets</c>).</summary>
    /// <param name="assets">Only these assets; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<IReadOnlyDictionary<string, AssetInfo>>> GetAssetsAsync(IEnumerable<string>? assets = null, CancellationToken cancellationToken = default) =>
        PublicAsync("Assets", MarketWire.AssetFilter(assets), MarketWire.Assets, cancellationToken);

    /// <summary>Tradable pairs by id, with precision, minimums and fee schedules (<c>AssetPairs</c>).</summary>
    /// <param name="pairs">Only these pairs; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<IReadOnlyDictionary<string, AssetPairInfo>>> GetAssetPairsAsync(IEnumerable<string>? pairs = null, CancellationToken cancellationToken = default) =>
        PublicAsync("AssetPairs", MarketWire.PairFilter(pairs), MarketWire.AssetPairs, cancellationToken);

    /// <summary>One pair's ticker (<c>Ticker</c>).</summary>
    /// <param name="pair">The pair id or alternative name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<Ticker>> GetTickerAsync(string pair, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        return PublicAsync("Ticker", MarketWire.Pair(pair), MarketWire.Ticker, cancellationToken);
    }

    /// <summary>One pair's order book (<c>Depth</c>).</summary>
    /// <param name="pair">The pair id or alternative name.</param>
    /// <param name="count">Levels per side (1 to 500); null for the exchange's default (100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<OrderBook>> GetOrderBookAsync(string pair, int? count = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        if (count is { } c)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(c, 1, nameof(count));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(c, 500, nameof(count));
        }

        return PublicAsync("Depth", MarketWire.Depth(pair, count), MarketWire.OrderBook, cancellationToken);
    }

    /// <summary>Recent public trades of one pair (<c>Trades</c>).</summary>
    /// <param name="pair">The pair id or alternative name.</param>
    /// <param name="since">A cursor from a previous page; null for the most recent trades.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<RecentTrades>> GetRecentTradesAsync(string pair, string? since = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        return PublicAsync("Trades", MarketWire.Trades(pair, since), MarketWire.RecentTrades, cancellationToken);
    }

    /// <summary>OHLC candles of one pair (<c>OHLC</c>).</summary>
    /// <param name="pair">The pair id or alternative name.</param>
    /// <param name="interval">The candle length: 1, 5, 15, 30, 60, 240, 1440, 10080 or 21600 minutes.</param>
    /// <param name="since">Only candles after this time; null for the most recent 720.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<KrakenResult<CandleSeries>> GetOhlcAsync(string pair, TimeSpan interval, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        var minutes = (long)interval.TotalMinutes;
        if (minutes is not (1 or 5 or 15 or 30 or 60 or 240 or 1440 or 10080 or 21600) || interval != TimeSpan.FromMinutes(minutes))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "Kraken's OHLC intervals are 1, 5, 15, 30, 60, 240, 1440, 10080 and 21600 minutes.");
        }

        return PublicAsync("OHLC", MarketWire.Ohlc(pair, minutes, since), MarketWire.Candles, cancellationToken);
    }
}
