using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Api.Sockets.Channels;

/// <summary>
/// What the depth-windowed book channels (<c>book</c>, <c>level3</c>) share: params <c>symbol[]</c> and <c>depth</c>
/// (default 10); per (symbol, depth) with subscribers the window last published (<typeparamref name="TBook"/>);
/// subscribing and its snapshot under the same lock as publishing, from the published state, so a subscriber never gets an
/// update whose base it did not see; on a pulse, one exchange read (<typeparamref name="TLevels"/>) of the deepest
/// subscribed window per changed symbol, each depth's window diffed against it and broadcast once. Windows nobody
/// subscribes to any more are dropped on the next pulse.
/// </summary>
internal sealed class DepthFeed<TBook, TLevels>(string channel, long[] depths, Func<SocketInstrument, int, TBook> open, Func<SocketInstrument, int, TLevels> read)
    where TBook : class
{
    private const int DefaultDepth = 10;
    private readonly SubscriberSet<(string Id, int Depth)> _subscribers = new();
    private readonly Dictionary<(string Id, int Depth), TBook> _books = [];
    private readonly Lock _gate = new();

    /// <summary>A subscribe's <c>symbol</c>, <c>depth</c> and <c>snapshot</c> (default true); null after answering the error.</summary>
    public (IReadOnlyList<string> Symbols, int Depth, bool Snapshot)? Read(SocketCall call)
    {
        if (MarketSubscription.Symbols(call, "depth") is not { } symbols || Depth(call) is not { } depth)
        {
            return null;
        }

        var snapshot = call.Bool("snapshot", true, out var ok);
        if (!ok)
        {
            call.Fail(SocketErrors.InvalidField("params.snapshot"));
            return null;
        }

        return (symbols, depth, snapshot);
    }

    /// <summary>
    /// Subscribes the connection to each of <paramref name="symbols"/> at <paramref name="depth"/>, each with its own ack or
    /// error; <paramref name="bind"/> wraps the registration (what ends with the subscription), <paramref name="snapshotFrame"/>
    /// writes the snapshot of the published window.
    /// </summary>
    public void Subscribe(SocketCall call, IReadOnlyList<string> symbols, int depth, bool snapshot, Func<IDisposable, IDisposable> bind, Func<SocketInstrument, TBook, byte[]> snapshotFrame)
    {
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
                    MarketSubscription.AlreadySubscribed(call, channel, symbol);
                    continue;
                }

                if (!_books.TryGetValue(key, out var book))
                {
                    book = open(instrument, depth);
                    _books.Add(key, book);
                }

                var registration = bind(_subscribers.Add(key, call.Connection));
                if (!call.Connection.TryAddSubscription(Key(symbol, depth), registration))
                {
                    registration.Dispose();
                    MarketSubscription.AlreadySubscribed(call, channel, symbol);
                    continue;
                }

                MarketSubscription.Ack(call, channel, symbol, snapshot, w => w.WriteNumber("depth", depth));
                if (snapshot)
                {
                    call.Connection.Send(snapshotFrame(instrument, book));
                }
            }
        }
    }

    /// <summary>Unsubscribes <c>symbol[]</c> at <c>depth</c>, each with its own ack or error.</summary>
    public void Unsubscribe(SocketCall call)
    {
        if (MarketSubscription.Symbols(call, "depth") is not { } symbols || Depth(call) is not { } depth)
        {
            return;
        }

        MarketSubscription.Unsubscribe(call, channel, symbols, symbol => Key(symbol, depth), w => w.WriteNumber("depth", depth));
    }

    /// <summary>
    /// One pulse: for each subscribed window of a changed symbol the channel <paramref name="serves"/>, <paramref name="update"/>
    /// applies the read levels to the window and returns the frame to broadcast (null when nothing changed).
    /// </summary>
    public void Publish(MarketPulse pulse, Func<SocketInstrument, bool> serves, Func<SocketInstrument, TBook, TLevels, byte[]?> update)
    {
        lock (_gate)
        {
            if (_books.Count == 0)
            {
                return;
            }

            var reads = new Dictionary<string, TLevels>(StringComparer.Ordinal);
            foreach (var ((id, depth), book) in _books.ToList())
            {
                if (!_subscribers.Any((id, depth)))
                {
                    _books.Remove((id, depth));
                    continue;
                }

                if (!pulse.Dirty.Contains(id) || SocketInstrument.OfId(id) is not { } instrument || !serves(instrument))
                {
                    continue;
                }

                if (!reads.TryGetValue(id, out var levels))
                {
                    var deepest = _books.Keys.Where(k => string.Equals(k.Id, id, StringComparison.Ordinal)).Max(k => k.Depth);
                    levels = read(instrument, deepest);
                    reads.Add(id, levels);
                }

                if (update(instrument, book, levels) is { } frame)
                {
                    _subscribers.Broadcast((id, depth), frame);
                }
            }
        }
    }

    private int? Depth(SocketCall call) => MarketSubscription.Depth(call, depths, DefaultDepth);

    private string Key(string symbol, int depth) => $"{channel}|{symbol}|{depth}";
}
