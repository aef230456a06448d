using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Market;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// <c>ohlc</c>: candles of the REST <c>OHLC</c> builder (<see cref="TradeTape.Candles"/>) per (symbol, interval); a
/// snapshot of the latest candles, then the current candle again after every pulse in which its series got a new print.
/// Unified takes <c>tick_type</c> <c>trade</c> (default) | <c>mark</c> | <c>spot</c>, the tape's
/// <see cref="MarketData.PriceSeries"/> for the last two. Data: <c>symbol, open, high, low, close, trades, volume, vwap,
/// interval_begin, interval, timestamp</c> (<c>timestamp</c> = the candle's end); the message carries the pulse's <c>timestamp</c>.
/// </summary>
internal sealed class OhlcChannel(SocketHub hub, bool unified) : ISocketChannel, IMarketFeed
{
    private const int SnapshotCandles = 720;
    private readonly SubscriberSet<(string Series, int Minutes)> _subscribers = new();
    private readonly Dictionary<(string Series, int Minutes), (SocketInstrument Instrument, long LastTrade)> _published = [];
    private readonly Lock _gate = new();

    public string Name => "ohlc";

    public void Subscribe(SocketCall call)
    {
        if (Read(call) is not { } request)
        {
            return;
        }

        var snapshot = call.Bool("snapshot", true, out var ok);
        if (!ok)
        {
            call.Fail(SocketErrors.InvalidField("params.snapshot"));
            return;
        }

        var (symbols, minutes, tickType) = request;
        foreach (var symbol in symbols)
        {
            if (MarketSubscription.Resolve(call, symbol) is not { } instrument)
            {
                continue;
            }

            var series = tickType == "trade" ? instrument.Id : MarketData.PriceSeries(tickType, instrument.Id);
            lock (_gate)
            {
                if (call.Connection.HasSubscription(Key(symbol, minutes, tickType)))
                {
                    MarketSubscription.AlreadySubscribed(call, Name, symbol);
                    continue;
                }

                var key = (series, minutes);
                var last = hub.Market.Tape.Last(series);
                if (!_published.ContainsKey(key))
                {
                    _published[key] = (instrument, last?.Id ?? 0);
                }

                call.Connection.TryAddSubscription(Key(symbol, minutes, tickType), _subscribers.Add(key, call.Connection));
                MarketSubscription.Ack(call, Name, symbol, snapshot, w =>
                {
                    w.WriteNumber("interval", minutes);
                    if (unified)
                    {
                        w.WriteString("tick_type", tickType);
                    }
                });
                if (snapshot)
                {
                    var now = hub.Time.GetUtcNow();
                    var candles = last is { } l ? hub.Market.Tape.Candles(series, TimeSpan.FromMinutes(minutes), null, l.Time > now ? l.Time : now, SnapshotCandles) : [];
                    call.Connection.Send(Frame("snapshot", instrument, minutes, candles, now));
                }
            }
        }
    }

    public void Unsubscribe(SocketCall call)
    {
        if (Read(call) is not { } request)
        {
            return;
        }

        var (symbols, minutes, tickType) = request;
        MarketSubscription.Unsubscribe(call, Name, symbols, symbol => Key(symbol, minutes, tickType), w => w.WriteNumber("interval", minutes));
    }

    public void Publish(MarketPulse pulse)
    {
        lock (_gate)
        {
            foreach (var (key, state) in _published.ToList())
            {
                if (!_subscribers.Any(key))
                {
                    _published.Remove(key);
                    continue;
                }

                if (hub.Market.Tape.Last(key.Series) is not { } last || last.Id == state.LastTrade)
                {
                    continue;
                }

                _published[key] = state with { LastTrade = last.Id };
                var candles = hub.Market.Tape.Candles(key.Series, TimeSpan.FromMinutes(key.Minutes), last.Time, last.Time, 1);
                _subscribers.Broadcast(key, Frame("update", state.Instrument, key.Minutes, candles, pulse.Now));
            }
        }
    }

    private (IReadOnlyList<string> Symbols, int Minutes, string TickType)? Read(SocketCall call)
    {
        var symbols = unified ? MarketSubscription.Symbols(call, "interval", "tick_type") : MarketSubscription.Symbols(call, "interval");
        if (symbols is null)
        {
            return null;
        }

        var interval = call.Integer("interval", out var ok) ?? 1;
        if (!ok || !CandleIntervals.IsServed(interval))
        {
            call.Fail(SocketErrors.InvalidField("params.interval"));
            return null;
        }

        var tickType = call.String("tick_type", out ok) ?? "trade";
        if (!ok || tickType is not ("trade" or "mark" or "spot"))
        {
            call.Fail(SocketErrors.InvalidField("params.tick_type"));
            return null;
        }

        return (symbols, (int)interval, tickType);
    }

    private string Key(string symbol, int minutes, string tickType) => $"{Name}|{symbol}|{minutes}|{tickType}";

    private static byte[] Frame(string type, SocketInstrument instrument, int minutes, IReadOnlyList<Candle> candles, DateTimeOffset now) =>
        SocketFrames.Channel("ohlc", type, w =>
        {
            w.WriteStartArray();
            foreach (var candle in candles)
            {
                Write(w, instrument, minutes, candle);
            }

            w.WriteEndArray();
        }, timestamp: now);

    private static void Write(Utf8JsonWriter w, SocketInstrument instrument, int minutes, Candle candle)
    {
        int price = instrument.PriceDecimals, qty = instrument.QtyDecimals;
        w.WriteStartObject();
        w.WriteString("symbol", instrument.Symbol);
        w.WriteNumber("open", candle.Open, price);
        w.WriteNumber("high", candle.High, price);
        w.WriteNumber("low", candle.Low, price);
        w.WriteNumber("close", candle.Close, price);
        w.WriteNumber("trades", candle.Count);
        w.WriteNumber("volume", candle.Volume, qty);
        w.WriteNumber("vwap", candle.Vwap, price);
        w.WriteString("interval_begin", SocketFrames.Time(candle.Time));
        w.WriteNumber("interval", minutes);
        w.WriteString("timestamp", SocketFrames.Time(candle.Time.AddMinutes(minutes)));
        w.WriteEndObject();
    }
}
