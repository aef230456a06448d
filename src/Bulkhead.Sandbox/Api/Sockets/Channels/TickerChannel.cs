using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Market;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// <c>ticker</c>: the book's top, last trade and rolling 24 h figures (<see cref="MarketData.Ticker"/>, the calculation
/// REST <c>Ticker</c>/<c>tickers</c> use). <c>event_trigger: "trades"</c> (default) publishes after a pulse that taped
/// trades of the symbol; <c>"bbo"</c> publishes whenever the best bid or ask (price or quantity) changed. Unified adds
/// <c>mark_price</c>, <c>index_price</c>, <c>funding_rate</c>, <c>open_interest</c>. One serialization per symbol and pulse.
/// </summary>
internal sealed class TickerChannel(SocketHub hub, bool unified) : ISocketChannel, IMarketFeed
{
    private const int PercentDecimals = 2;
    private readonly SubscriberSet<(string Id, bool Bbo)> _subscribers = new();
    private readonly Dictionary<string, (MarketLevel? Bid, MarketLevel? Ask)> _tops = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public string Name => "ticker";

    public void Subscribe(SocketCall call)
    {
        if (MarketSubscription.Symbols(call, "event_trigger") is not { } symbols)
        {
            return;
        }

        var trigger = call.String("event_trigger", out var ok) ?? "trades";
        if (!ok || trigger is not ("trades" or "bbo"))
        {
            call.Fail(SocketErrors.InvalidField("params.event_trigger"));
            return;
        }

        var snapshot = call.Bool("snapshot", true, out ok);
        if (!ok)
        {
            call.Fail(SocketErrors.InvalidField("params.snapshot"));
            return;
        }

        var bbo = trigger == "bbo";
        foreach (var symbol in symbols)
        {
            if (MarketSubscription.Resolve(call, symbol) is not { } instrument)
            {
                continue;
            }

            lock (_gate)
            {
                if (call.Connection.HasSubscription(Key(symbol)))
                {
                    MarketSubscription.AlreadySubscribed(call, Name, symbol);
                    continue;
                }

                var ticker = hub.Market.Ticker(instrument.Venue, instrument.Id, hub.Time.GetUtcNow());
                if (bbo)
                {
                    _tops.TryAdd(instrument.Id, (ticker.Bid, ticker.Ask));
                }

                call.Connection.TryAddSubscription(Key(symbol), _subscribers.Add((instrument.Id, bbo), call.Connection));
                MarketSubscription.Ack(call, Name, symbol, snapshot, w => w.WriteString("event_trigger", trigger));
                if (snapshot)
                {
                    call.Connection.Send(Frame("snapshot", instrument, ticker));
                }
            }
        }
    }

    public void Unsubscribe(SocketCall call)
    {
        if (MarketSubscription.Symbols(call, "event_trigger") is not { } symbols)
        {
            return;
        }

        MarketSubscription.Unsubscribe(call, Name, symbols, symbol => Key(symbol));
    }

    public void Publish(MarketPulse pulse)
    {
        lock (_gate)
        {
            var traded = new HashSet<string>(pulse.Trades.Select(t => t.Symbol), StringComparer.Ordinal);
            var symbols = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (id, bbo) in _subscribers.Keys)
            {
                if (bbo ? pulse.Dirty.Contains(id) : traded.Contains(id))
                {
                    symbols.Add(id);
                }
            }

            foreach (var id in _tops.Keys.Where(id => !_subscribers.Any((id, true))).ToList())
            {
                _tops.Remove(id);
            }

            foreach (var id in symbols)
            {
                if (SocketInstrument.OfId(id) is not { } instrument || instrument.Venue == Trading.TradingVenue.Futures != unified)
                {
                    continue;
                }

                var ticker = hub.Market.Ticker(instrument.Venue, id, pulse.Now);
                var topChanged = _subscribers.Any((id, true)) && (!_tops.TryGetValue(id, out var top) || top != (ticker.Bid, ticker.Ask));
                var sendTrades = traded.Contains(id) && _subscribers.Any((id, false));
                if (!topChanged && !sendTrades)
                {
                    continue;
                }

                var frame = Frame("update", instrument, ticker);
                if (topChanged)
                {
                    _tops[id] = (ticker.Bid, ticker.Ask);
                    _subscribers.Broadcast((id, true), frame);
                }

                if (sendTrades)
                {
                    _subscribers.Broadcast((id, false), frame);
                }
            }
        }
    }

    private string Key(string symbol) => Name + "|" + symbol;

    private static byte[] Frame(string type, SocketInstrument instrument, MarketTicker ticker) =>
        SocketFrames.Channel("ticker", type, w =>
        {
            w.WriteStartArray();
            Write(w, instrument, ticker);
            w.WriteEndArray();
        });

    private static void Write(Utf8JsonWriter w, SocketInstrument instrument, MarketTicker ticker)
    {
        int price = instrument.PriceDecimals, qty = instrument.QtyDecimals;
        var day = ticker.Day;
        w.WriteStartObject();
        w.WriteString("symbol", instrument.Symbol);
        w.WriteNumber("bid", ticker.Bid?.Price ?? 0m, price);
        w.WriteNumber("bid_qty", ticker.Bid?.Volume ?? 0m, qty);
        w.WriteNumber("ask", ticker.Ask?.Price ?? 0m, price);
        w.WriteNumber("ask_qty", ticker.Ask?.Volume ?? 0m, qty);
        w.WriteNumber("last", ticker.Last?.Price ?? 0m, price);
        w.WriteNumber("volume", day.Volume, qty);
        w.WriteNumber("vwap", day.Vwap, price);
        w.WriteNumber("low", day.Low, price);
        w.WriteNumber("high", day.High, price);
        w.WriteNumber("change", ticker.Change, price);
        w.WriteNumber("change_pct", ticker.ChangePercent, PercentDecimals);
        if (ticker.Derivatives is { } derivatives)
        {
            w.WriteNumber("mark_price", derivatives.Mark, price);
            w.WriteNumber("index_price", derivatives.Index, price);
            w.WriteNumber("funding_rate", derivatives.FundingRate, 8);
            w.WriteNumber("open_interest", derivatives.OpenInterest, qty);
        }

        w.WriteEndObject();
    }
}
