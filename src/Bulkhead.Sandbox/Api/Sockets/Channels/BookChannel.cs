using System.Text.Json;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// <c>book</c> (L2): per (symbol, depth) with subscribers, the levels last published (<see cref="PublishedBook"/>). On a
/// pulse where the symbol's book changed the feed reads the book once at the largest subscribed depth, diffs each depth's
/// window against what it published, and broadcasts the changed levels with the checksum of the digits written (one
/// serialization per (symbol, depth)). Subscribing (and the snapshot) happens under the same lock as publishing, and the
/// snapshot is the published state, so a subscriber never gets an update whose base it did not see. Under the
/// <c>corruptBookChecksum</c> fault one published update (one serialization, sent to every subscriber of that symbol and
/// depth) counts as one corrupted frame.
/// </summary>
internal sealed class BookChannel(SocketHub hub, bool unified) : ISocketChannel, IMarketFeed
{
    private static readonly long[] Depths = [10, 25, 100, 500, 1000];
    private readonly DepthFeed<PublishedBook, Market.BookDepth> _feed = new("book", Depths, (instrument, depth) =>
    {
        var book = new PublishedBook(instrument, depth);
        book.Apply(hub.Market.Depth(instrument.Venue, instrument.Id, depth));
        return book;
    }, (instrument, depth) => hub.Market.Depth(instrument.Venue, instrument.Id, depth));

    public string Name => "book";

    public void Subscribe(SocketCall call)
    {
        if (_feed.Read(call) is { } request)
        {
            _feed.Subscribe(call, request.Symbols, request.Depth, request.Snapshot, registration => registration,
                (instrument, book) => Frame("snapshot", instrument, book.Bids, book.Asks, book.Checksum, null));
        }
    }

    public void Unsubscribe(SocketCall call) => _feed.Unsubscribe(call);

    public void Publish(MarketPulse pulse) =>
        _feed.Publish(pulse, instrument => instrument.Venue == Trading.TradingVenue.Futures == unified, (instrument, book, levels) =>
            book.Apply(levels) is { } changes ? Frame("update", instrument, changes.Bids, changes.Asks, UpdateChecksum(book), pulse.Now) : null);

    /// <summary>
    /// The checksum an update carries: the book's, or — while the <see cref="Faults.FaultSettings.CorruptBookChecksum"/> fault
    /// has updates left — the book's xor 1 (the published state itself stays right, so the next update verifies again).
    /// </summary>
    private uint UpdateChecksum(PublishedBook book) => hub.Faults.TryTakeCorruptBookChecksum() ? book.Checksum ^ 1u : book.Checksum;

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
