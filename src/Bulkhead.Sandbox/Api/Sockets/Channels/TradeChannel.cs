using System.Text.Json;
using Bulkhead.Sandbox.Market;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// <c>trade</c>: every public trade of a book, as the REST <c>Trades</c> tape has it (same <c>trade_id</c>, per-book
/// sequence from 1), one message per pulse per symbol; <c>snapshot: true</c> first sends the last 50 (default false).
/// </summary>
internal sealed class TradeChannel(SocketHub hub, bool unified) : ISocketChannel, IMarketFeed
{
    private const int SnapshotCount = 50;
    private readonly SubscriberSet<string> _subscribers = new();

    public string Name => "trade";

    public void Subscribe(SocketCall call)
    {
        if (MarketSubscription.Symbols(call) is not { } symbols)
        {
            return;
        }

        var snapshot = call.Bool("snapshot", false, out var ok);
        if (!ok)
        {
            call.Fail(Bulkhead.Kraken.Errors.SocketErrors.InvalidField("params.snapshot"));
            return;
        }

        foreach (var symbol in symbols)
        {
            if (MarketSubscription.Resolve(call, symbol) is not { } instrument)
            {
                continue;
            }

            if (call.Connection.HasSubscription(Key(symbol)))
            {
                MarketSubscription.AlreadySubscribed(call, Name, symbol);
                continue;
            }

            call.Connection.TryAddSubscription(Key(symbol), _subscribers.Add(instrument.Id, call.Connection));

            MarketSubscription.Ack(call, Name, symbol, snapshot);
            if (snapshot)
            {
                var trades = hub.Market.Tape.Since(instrument.Id, null, SnapshotCount);
                call.Connection.Send(Frame("snapshot", instrument, trades.Select(t => (instrument.Id, t))));
            }
        }
    }

    public void Unsubscribe(SocketCall call)
    {
        if (MarketSubscription.Symbols(call) is not { } symbols)
        {
            return;
        }

        MarketSubscription.Unsubscribe(call, Name, symbols, symbol => Key(symbol));
    }

    public void Publish(MarketPulse pulse)
    {
        if (pulse.Trades.Count == 0)
        {
            return;
        }

        foreach (var group in pulse.Trades.GroupBy(t => t.Symbol, StringComparer.Ordinal))
        {
            if (!_subscribers.Any(group.Key) || SocketInstrument.OfId(group.Key) is not { } instrument || instrument.Venue == Trading.TradingVenue.Futures != unified)
            {
                continue;
            }

            _subscribers.Broadcast(group.Key, Frame("update", instrument, group));
        }
    }

    private string Key(string symbol) => Name + "|" + symbol;

    private static byte[] Frame(string type, SocketInstrument instrument, IEnumerable<(string Symbol, PublicTrade Trade)> trades) =>
        SocketFrames.Channel("trade", type, w =>
        {
            w.WriteStartArray();
            foreach (var (_, trade) in trades)
            {
                Write(w, instrument, trade);
            }

            w.WriteEndArray();
        });

    private static void Write(Utf8JsonWriter w, SocketInstrument instrument, PublicTrade trade)
    {
        w.WriteStartObject();
        w.WriteString("symbol", instrument.Symbol);
        w.WriteString("side", trade.TakerBuys ? "buy" : "sell");
        w.WriteNumber("price", trade.Price, instrument.PriceDecimals);
        w.WriteNumber("qty", trade.Volume, instrument.QtyDecimals);
        w.WriteString("ord_type", trade.TakerMarket ? "market" : "limit");
        w.WriteNumber("trade_id", trade.Id);
        w.WriteString("timestamp", SocketFrames.Time(trade.Time));
        w.WriteEndObject();
    }
}
