using System.Text.Json;
using Bulkhead.Kraken.Sockets.Feeds;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// A subscription whose messages are read as JSON into a <see cref="SocketFeed{T}"/>: <paramref name="items"/> picks the
/// items of a message's <c>data</c> (array elements, the object itself, or a nested list), <paramref name="accepts"/>
/// keeps this subscription's (its symbol, its interval), <paramref name="read"/> makes each one a model.
/// </summary>
internal sealed class ChannelSubscription<T>(
    string channel,
    SocketChannelName name,
    string key,
    bool isPrivate,
    Action<Utf8JsonWriter, bool> writeParams,
    Func<JsonElement, IReadOnlyList<JsonElement>> items,
    Func<JsonElement, bool>? accepts,
    Func<JsonElement, JsonElement, T> read)
    : SocketSubscription(channel, name, key, isPrivate)
{
    public SocketFeed<T>? Feed { get; set; }

    public override void WriteParams(Utf8JsonWriter w, bool subscribing) => writeParams(w, subscribing);

    public override void OnMessage(JsonElement root, bool snapshot, int session)
    {
        if (Feed is not { } stream || !root.TryGetProperty("data", out var data))
        {
            return;
        }

        var chosen = new List<T>();
        foreach (var item in items(data))
        {
            if (accepts is null || accepts(item))
            {
                chosen.Add(read(root, item));
            }
        }

        // A whole-channel snapshot is delivered even when empty (no open orders, no positions): it says so.
        if (chosen.Count > 0 || (snapshot && accepts is null))
        {
            var sequence = root.TryGetProperty("sequence", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : (long?)null;
            stream.Write(new SocketBatch<T>(snapshot, sequence, session, chosen));
        }
    }

    public override void Close() => Feed?.Complete();
}
