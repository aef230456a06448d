using System.Text.Json;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// <c>level3</c> (Spot, private endpoint only): the order-by-order book. Params <c>symbol[]</c>, <c>depth</c> (10, 100 or
/// 1000 price levels; default 10), <c>snapshot</c> (default true), <c>token</c> — any valid token: the data is public, so
/// the permission checked is that of REST <c>GetWebSocketsToken</c> (WebSocket access), which every token already has.
/// Built like <see cref="BookChannel"/>: per (symbol, depth) the orders last published (<see cref="PublishedOrders"/>);
/// on a pulse where the symbol changed, one exchange read of the deepest subscribed window, each depth diffed into
/// <c>add</c>/<c>modify</c>/<c>delete</c> events and broadcast once with the L3 checksum of the digits written.
/// Subscribing and its snapshot happen under the publishing lock, from the published state.
/// </summary>
internal sealed class Level3Channel(SocketHub hub) : ISocketChannel, IMarketFeed
{
    /// <summary>The REST method whose permission a <c>level3</c> token needs: WebSocket access only (Kraken asks for a valid token).</summary>
    public const string Permission = "GetWebSocketsToken";

    private static readonly long[] Depths = [10, 100, 1000];
    private readonly DepthFeed<PublishedOrders, (IReadOnlyList<Market.BookOrder>, IReadOnlyList<Market.BookOrder>)> _feed = new("level3", Depths, (instrument, depth) =>
    {
        var book = new PublishedOrders(instrument, depth);
        book.Apply(hub.Exchange.LevelOrders(instrument.Venue, instrument.Id, depth), hub.Time.GetUtcNow());
        return book;
    }, (instrument, depth) => hub.Exchange.LevelOrders(instrument.Venue, instrument.Id, depth));

    public string Name => "level3";

    public void Subscribe(SocketCall call)
    {
        if (_feed.Read(call) is not { } request || !call.Authorize(Permission).Success)
        {
            return;
        }

        var token = call.String("token", out _)!;
        _feed.Subscribe(call, request.Symbols, request.Depth, request.Snapshot, registration =>
        {
            hub.Tokens.Bind(token);
            return new TokenBinding(registration, hub, token);
        }, Snapshot);
    }

    public void Unsubscribe(SocketCall call) => _feed.Unsubscribe(call);

    public void Publish(MarketPulse pulse) =>
        _feed.Publish(pulse, instrument => instrument.Venue == Trading.TradingVenue.Spot, (instrument, book, orders) =>
            book.Apply(orders, pulse.Now) is { } events ? Update(instrument, events.Bids, events.Asks, book.Checksum) : null);

    private static byte[] Snapshot(SocketInstrument instrument, PublishedOrders book) =>
        Frame("snapshot", instrument, book.Checksum, w =>
        {
            Side(w, "bids", book.Bids.Select(o => new OrderEvent(string.Empty, o, o.OpenedAt)));
            Side(w, "asks", book.Asks.Select(o => new OrderEvent(string.Empty, o, o.OpenedAt)));
        });

    private static byte[] Update(SocketInstrument instrument, IReadOnlyList<OrderEvent> bids, IReadOnlyList<OrderEvent> asks, uint checksum) =>
        Frame("update", instrument, checksum, w =>
        {
            Side(w, "bids", bids);
            Side(w, "asks", asks);
        });

    private static byte[] Frame(string type, SocketInstrument instrument, uint checksum, Action<Utf8JsonWriter> sides) =>
        SocketFrames.Channel("level3", type, w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("symbol", instrument.Symbol);
            sides(w);
            w.WriteNumber("checksum", checksum);
            w.WriteEndObject();
            w.WriteEndArray();
        });

    // A snapshot's orders carry no event (their Event is empty).
    private static void Side(Utf8JsonWriter w, string name, IEnumerable<OrderEvent> events)
    {
        w.WriteStartArray(name);
        foreach (var (kind, order, timestamp) in events)
        {
            w.WriteStartObject();
            if (kind.Length > 0)
            {
                w.WriteString("event", kind);
            }

            w.WriteString("order_id", order.OrderId);
            w.WritePropertyName("limit_price");
            w.WriteRawValue(order.PriceText, skipInputValidation: true);
            w.WritePropertyName("order_qty");
            w.WriteRawValue(order.QtyText, skipInputValidation: true);
            w.WriteString("timestamp", SocketFrames.Time(timestamp));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>A subscription's registration that also keeps its token alive (<see cref="Keys.SocketTokens.Bind"/>) until it ends.</summary>
    private sealed class TokenBinding(IDisposable registration, SocketHub hub, string token) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                registration.Dispose();
                hub.Tokens.Unbind(token);
            }
        }
    }
}
