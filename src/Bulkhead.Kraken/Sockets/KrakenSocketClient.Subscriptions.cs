using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Books;
using Bulkhead.Kraken.Sockets.Feeds;
using Bulkhead.Kraken.Sockets.Internal;

namespace Bulkhead.Kraken.Sockets;

public sealed partial class KrakenSocketClient
{
    /// <summary>
    /// Subscribes to the <c>book</c> channel of one symbol: a <see cref="LocalBook"/> kept at <paramref name="depth"/> and
    /// verified by checksum after every message. One depth per symbol per client (the messages do not say which depth
    /// they belong to).
    /// </summary>
    /// <param name="symbol">The symbol (<c>BTC/USD</c>; <c>PF_XBTUSD</c> on Unified).</param>
    /// <param name="depth">Levels per side: 10, 25, 100, 500 or 1000.</param>
    /// <param name="cancellationToken">Cancels waiting for the acknowledgement.</param>
    public async Task<KrakenResult<BookFeed>> SubscribeBookAsync(string symbol, int depth = 10, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (depth is not (10 or 25 or 100 or 500 or 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "Kraken's book depths are 10, 25, 100, 500 and 1000.");
        }

        if (_registry.Books.Contains(symbol))
        {
            return AlreadySubscribed($"book {symbol}");
        }

        var subscription = new BookSubscription(new LocalBook(symbol, depth));
        var feed = new BookFeed(subscription.Book, _ => () => UnsubscribeAsync(subscription));
        subscription.Feed = feed;
        var added = await AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        return added.Success ? KrakenResult<BookFeed>.Ok(feed) : added.Error;
    }

    /// <summary>Registers a subscription, asks for it and keeps it when acknowledged (it is renewed on every new connection).</summary>
    private async Task<KrakenResult<bool>> AddAsync(SocketSubscription subscription, CancellationToken cancellationToken)
    {
        // Registered before it is asked for: its snapshot may come right behind the acknowledgement.
        if (!_registry.TryAdd(subscription))
        {
            return AlreadySubscribed(subscription.Key);
        }

        var answer = await SubscribeRequestAsync(subscription, subscribing: true, cancellationToken).ConfigureAwait(false);
        if (!answer.Success)
        {
            _registry.Remove(subscription);
        }

        return answer;
    }

    /// <summary>
    /// Subscribes one channel into a <see cref="SocketFeed{T}"/>: <paramref name="bounded"/> feeds drop their oldest
    /// messages for a slow reader, others never drop.
    /// </summary>
    private async Task<KrakenResult<SocketFeed<T>>> FeedAsync<T>(
        string channel,
        SocketChannelName name,
        string key,
        bool isPrivate,
        bool bounded,
        Action<Utf8JsonWriter, bool> writeParams,
        Func<JsonElement, IReadOnlyList<JsonElement>> items,
        Func<JsonElement, bool>? accepts,
        Func<JsonElement, JsonElement, T> read,
        CancellationToken cancellationToken)
    {
        if (isPrivate && !_endpoint.IsPrivate)
        {
            throw new InvalidOperationException($"{channel} is a private channel; this client is connected to {_endpoint.Url}.");
        }

        var subscription = new ChannelSubscription<T>(channel, name, key, isPrivate, writeParams, items, accepts, read);
        var feed = new SocketFeed<T>(key, bounded ? _options.MarketFeedCapacity : null, _ => () => UnsubscribeAsync(subscription));
        subscription.Feed = feed;
        var added = await AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        return added.Success ? KrakenResult<SocketFeed<T>>.Ok(feed) : added.Error;
    }

    /// <summary>Stops routing a subscription and unsubscribes it on the current connection (best effort: a new connection would not renew it anyway).</summary>
    private async ValueTask UnsubscribeAsync(SocketSubscription subscription)
    {
        if (!_registry.Remove(subscription))
        {
            return;
        }

        subscription.Close();
        if (Volatile.Read(ref _closing) == 0 && Volatile.Read(ref _session) is not null)
        {
            await SubscribeRequestAsync(subscription, subscribing: false, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static KrakenError AlreadySubscribed(string what) =>
        new(SocketErrors.AlreadySubscribed, KrakenErrorCategory.InvalidInput, KrakenErrorOrigin.Local, $"{what} is already subscribed on this client (nothing was sent)");

    /// <summary>Writes <c>symbol: [symbol]</c>.</summary>
    private static void Symbol(Utf8JsonWriter w, string symbol)
    {
        w.WriteStartArray("symbol");
        w.WriteStringValue(symbol);
        w.WriteEndArray();
    }

    private static Func<JsonElement, bool> Of(string symbol) => item => WireRead.OptionalText(item, "symbol") == symbol;
}
