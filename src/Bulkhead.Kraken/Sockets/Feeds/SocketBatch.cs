namespace Bulkhead.Kraken.Sockets.Feeds;

/// <summary>
/// The items of one channel message for one stream. <see cref="Session"/> numbers the connection the message came on
/// (one more after each reconnect): a new session means messages may have been missed in between, and channels with a
/// snapshot send a new one (<see cref="IsSnapshot"/>).
/// </summary>
/// <param name="IsSnapshot">True for a snapshot (the channel's full state), false for an update.</param>
/// <param name="Sequence">The message's <c>sequence</c> (private channels: a per-connection counter), or null.</param>
/// <param name="Session">The connection's number (1 for the first).</param>
/// <param name="Items">The items, in the message's order.</param>
public sealed record SocketBatch<T>(bool IsSnapshot, long? Sequence, int Session, IReadOnlyList<T> Items);
