using System.Text.Json;

namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// One subscription the client keeps: how to ask for it (renewed on every new connection) and where its messages go.
/// <see cref="Key"/> identifies it among the client's subscriptions (one per channel and symbol, and interval for ohlc).
/// </summary>
internal abstract class SocketSubscription(string channel, SocketChannelName name, string key, bool isPrivate)
{
    /// <summary>The wire channel.</summary>
    public string Channel { get; } = channel;

    /// <summary>The channel as the router knows it.</summary>
    public SocketChannelName Name { get; } = name;

    /// <summary>What it is, e.g. <c>book BTC/USD 10</c>: its identity among the client's subscriptions.</summary>
    public string Key { get; } = key;

    /// <summary>True when it needs the token.</summary>
    public bool IsPrivate { get; } = isPrivate;

    /// <summary>Writes the channel's own params (besides <c>channel</c>, <c>asset_class</c>, <c>token</c>); <c>snapshot</c>-like ones only when subscribing.</summary>
    public abstract void WriteParams(Utf8JsonWriter w, bool subscribing);

    /// <summary>A new connection is about to deliver this subscription's messages (before it is asked for again).</summary>
    public virtual void OnSessionStarting(int session)
    {
    }

    /// <summary>The connection ended: what it delivered may be stale until the next one renews the subscription.</summary>
    public virtual void OnSessionEnded()
    {
    }

    /// <summary>One message of this channel, read as JSON (the book channel has its own reader).</summary>
    public virtual void OnMessage(JsonElement root, bool snapshot, int session)
    {
    }

    /// <summary>The subscription ended (unsubscribed, or the client closed).</summary>
    public virtual void Close()
    {
    }
}
