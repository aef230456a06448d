using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Feeds;
using Bulkhead.Kraken.Sockets.Internal;
using Bulkhead.Kraken.Sockets.Market;

namespace Bulkhead.Kraken.Sockets;

public sealed partial class KrakenSocketClient
{
    /// <summary>Subscribes to the <c>ticker</c> of one symbol (a snapshot, then an update per <paramref name="trigger"/>).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="trigger">After trades (default) or on every top-of-book change.</param>
    /// <param name="cancellationToken">Cancels waiting for the acknowledgement.</param>
    public Task<KrakenResult<SocketFeed<TickerUpdate>>> SubscribeTickerAsync(string symbol, TickerTrigger trigger = TickerTrigger.Trades, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return FeedAsync(
            "ticker",
            SocketChannelName.Ticker,
            $"ticker {symbol}",
            isPrivate: false,
            bounded: true,
            (w, subscribing) =>
            {
                Symbol(w, symbol);
                if (subscribing && trigger == TickerTrigger.BestBidOffer)
                {
                    w.WriteString("event_trigger", "bbo");
                }
            },
            WireRead.Items,
            Of(symbol),
            (_, item) => MarketWire.Ticker(item),
            cancellationToken);
    }

    /// <summary>Subscribes to the public <c>trade</c>s of one symbol.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="snapshot">Start with the recent trades (Kraken's default is false).</param>
    /// <param name="cancellationToken">Cancels waiting for the acknowledgement.</param>
    public Task<KrakenResult<SocketFeed<TradeUpdate>>> SubscribeTradesAsync(string symbol, bool snapshot = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return FeedAsync(
            "trade",
            SocketChannelName.Trade,
            $"trade {symbol}",
            isPrivate: false,
            bounded: true,
            (w, subscribing) =>
            {
                Symbol(w, symbol);
                if (subscribing)
                {
                    w.WriteBoolean("snapshot", snapshot);
                }
            },
            WireRead.Items,
            Of(symbol),
            (_, item) => MarketWire.Trade(item),
            cancellationToken);
    }

    /// <summary>Subscribes to the <c>ohlc</c> candles of one symbol at one interval (a snapshot of recent candles, then the forming one).</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="intervalMinutes">1, 5, 15, 30, 60, 240, 1440, 10080 or 21600.</param>
    /// <param name="cancellationToken">Cancels waiting for the acknowledgement.</param>
    public Task<KrakenResult<SocketFeed<OhlcUpdate>>> SubscribeOhlcAsync(string symbol, int intervalMinutes = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (intervalMinutes is not (1 or 5 or 15 or 30 or 60 or 240 or 1440 or 10080 or 21600))
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMinutes), intervalMinutes, "Kraken's intervals are 1, 5, 15, 30, 60, 240, 1440, 10080 and 21600 minutes.");
        }

        return FeedAsync(
            "ohlc",
            SocketChannelName.Ohlc,
            $"ohlc {symbol} {intervalMinutes}",
            isPrivate: false,
            bounded: true,
            (w, _) =>
            {
                Symbol(w, symbol);
                w.WriteNumber("interval", intervalMinutes);
            },
            WireRead.Items,
            item => WireRead.OptionalText(item, "symbol") == symbol && WireRead.OptionalInteger(item, "interval") == intervalMinutes,
            (_, item) => MarketWire.Ohlc(item),
            cancellationToken);
    }

    /// <summary>Subscribes to the <c>instrument</c> channel: the assets and pairs (or contracts) as one snapshot.</summary>
    public Task<KrakenResult<SocketFeed<InstrumentSnapshot>>> SubscribeInstrumentsAsync(CancellationToken cancellationToken = default) =>
        FeedAsync(
            "instrument",
            SocketChannelName.Instrument,
            "instrument",
            isPrivate: false,
            bounded: true,
            (_, _) => { },
            data => [data],
            null,
            (_, data) => MarketWire.Instruments(data),
            cancellationToken);
}
