using System.Text.Json;
using Bulkhead.Kraken.Sockets.Books;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// The subscriptions a client keeps across connections, by <see cref="SocketSubscription.Key"/>, and the routing of
/// channel messages to them: <c>book</c> messages through the allocation-free <see cref="BookRouter"/>, every other
/// channel parsed once as JSON and handed to its subscriptions. The receive loop reads copy-on-write arrays.
/// </summary>
internal sealed class SubscriptionRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SocketSubscription> _byKey = new(StringComparer.Ordinal);
    private Dictionary<SocketChannelName, SocketSubscription[]> _byChannel = [];

    public SubscriptionRegistry(Action<BookSubscription, BookApplyResult> bookLost) => Books = new BookRouter(bookLost);

    public BookRouter Books { get; }

    /// <summary>Every subscription, in the order they were made.</summary>
    public IReadOnlyList<SocketSubscription> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _byKey.Values];
            }
        }
    }

    /// <summary>Adds a subscription; false when one with the same key exists.</summary>
    public bool TryAdd(SocketSubscription subscription)
    {
        lock (_gate)
        {
            if (!_byKey.TryAdd(subscription.Key, subscription))
            {
                return false;
            }

            if (subscription is BookSubscription book)
            {
                Books.Add(book);
            }
            else
            {
                Rebuild();
            }

            return true;
        }
    }

    /// <summary>Removes a subscription (its messages are no longer routed); false when it was not there.</summary>
    public bool Remove(SocketSubscription subscription)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(subscription.Key, out var kept) || !ReferenceEquals(kept, subscription))
            {
                return false;
            }

            _byKey.Remove(subscription.Key);
            if (subscription is BookSubscription book)
            {
                Books.Remove(book);
            }
            else
            {
                Rebuild();
            }

            return true;
        }
    }

    /// <summary>Hands a JSON-read channel message to its channel's subscriptions.</summary>
    public void Dispatch(SocketChannelName channel, ReadOnlyMemory<byte> frame, bool snapshot, int session)
    {
        if (!Volatile.Read(ref _byChannel).TryGetValue(channel, out var subscriptions))
        {
            return;
        }

        using var document = JsonDocument.Parse(frame);
        foreach (var subscription in subscriptions)
        {
            subscription.OnMessage(document.RootElement, snapshot, session);
        }
    }

    private void Rebuild() =>
        Volatile.Write(ref _byChannel, _byKey.Values.Where(s => s is not BookSubscription).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.ToArray()));
}
