using System.Text.Json;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// <c>book</c> (L2): per (symbol, depth) with subscribers, the levels last published (<see cref="PublishedBook"/>). On a
/// pulse where the symbol's book changed the feed reads the book once at the largest subscribed depth, diffs each depth's
/// window against what it published, and broadcasts the changed levels with the checksum of the digits written (one
/// serialization per (symbol, depth)). Subscribing (and the snapshot) happens under the same lock as publishing, and the
/// snapshot is the published state, so a subscriber never gets an update whose base it did not see.
/// </summary>
internal sealed class BookChannel(SocketHub hub, bool unified) : ISocketChannel, IMarketFeed
{
    private const int DefaultDepth = 10;
    private static readonly long[] Depths = [10, 25, 100, 500, 1000];
    private readonly SubscriberSet<(string Id, int Depth)> _subscribers = new();
    private readonly Dictionary<(string Id, int Depth), PublishedBook> _books = [];
    private readonly Lock _gate = new();

    public string Name => "book";

    public void Subscribe(SocketCall call)
    {
        if (MarketSubscription.Symbols(call, "depth") is not { } symbols || Depth(call) is not { } depth)
        {
            return;
        }

        var snapshot = call.Bool("snapshot", true, out var ok);
        if (!ok)
        {
            call.Fail(SocketErrors.InvalidField("params.snapshot"));
            return;
        }

        foreach (var symbol in symbols)
        {
            if (MarketSubscription.Resolve(call, symbol) is not { } instrument)
            {
                continue;
            }

            var key = (instrument.Id, depth);
            lock (_gate)
            {
                if (call.Connection.HasSubscription(Key(symbol, depth)))
                {
                    MarketSubscription.AlreadySubscribed(call, Name, symbol);
                    continue;
                }

                if (!_books.TryGetValue(key, out var book))
                {
                    book = new PublishedBook(instrument, depth);
                    book.Apply(hub.Market.Depth(instrument.Venue, instrument.Id, depth));
                    _books.Add(key, book);
                }

                call.Connection.TryAddSubscription(Key(symbol, depth), _subscribers.Add(key, call.Connection));
                MarketSubscription.Ack(call, Name, symbol, snapshot, w => w.WriteNumber("depth", depth));
                if (snapshot)
                {
                    call.Connection.Send(Frame("snapshot", instrument, book.Bids, book.Asks, book.Checksum, null));
                }
            }
        }
    }

    public void Unsubscribe(SocketCall call)
    {
        if (MarketSubscription.Symbols(call, "depth") is not { } symbols || Depth(call) is not { } depth)
        {
            return;
        }

        foreach (var symbol in symbols)
        {
            if (call.Connection.RemoveSubscription(Key(symbol, depth)))
            {
                MarketSubscription.Ack(call, Name, symbol, null, w => w.WriteNumber("depth", depth));
            }
            else
            {
                MarketSubscription.NotSubscribed(call, Name, symbol);
            }
        }
    }

    public void Publish(MarketPulse pulse)
    {
        lock (_gate)
        {
            if (_books.Count == 0)
            {
                return;
            }

            var read = new Dictionary<string, Market.BookDepth>(StringComparer.Ordinal);
            foreach (var ((id, depth), book) in _books.ToList())
            {
                if (!_subscribers.Any((id, depth)))
                {
                    _books.Remove((id, depth));
                    continue;
                }

                if (!pulse.Dirty.Contains(id) || SocketInstrument.OfId(id) is not { } instrument || instrument.Venue == Trading.TradingVenue.Futures != unified)
                {
                    continue;
                }

                if (!read.TryGetValue(id, out var levels))
                {
                    var deepest = _books.Keys.Where(k => string.Equals(k.Id, id, StringComparison.Ordinal)).Max(k => k.Depth);
                    levels = hub.Market.Depth(instrument.Venue, id, deepest);
                    read.Add(id, levels);
                }

                if (book.Apply(levels) is { } changes)
                {
                    _subscribers.Broadcast((id, depth), Frame("update", instrument, changes.Bids, changes.Asks, book.Checksum, pulse.Now));
                }
            }
        }
    }

    private static int? Depth(SocketCall call) => MarketSubscription.Depth(call, Depths, DefaultDepth);

    private string Key(string symbol, int depth) => $"{Name}|{symbol}|{depth}";

    private static byte[] Frame(string type, SocketInstrument instrument, IReadOnlyList<WireLevel> bids, IReadOnlyList<WireLevel> asks, uint checksum, DateTimeOffset? timestamp) =>
        SocketFrames.Channel("book", type, w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("symbol", instrument.Symbol);
            Side(w, "bids", bids);
            Side(w, "asks", asks);
            w.WriteNumber("checksum", checksum);
            if (timestamp is { } time)
            {
                w.WriteString("timestamp", SocketFrames.Time(time));
            }

            w.WriteEndObject();
            w.WriteEndArray();
        });

    private static void Side(Utf8JsonWriter w, string name, IReadOnlyList<WireLevel> levels)
    {
        w.WriteStartArray(name);
        foreach (var level in levels)
        {
            w.WriteStartObject();
            w.WritePropertyName("price");
            w.WriteRawValue(level.PriceText, skipInputValidation: true);
            w.WritePropertyName("qty");
            w.WriteRawValue(level.QtyText, skipInputValidation: true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
