namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The WebSocket connection and message limits (Spot v2 and the Unified WebSocket). Kraken publishes none of these figures
/// for v2 (websocket.md §3, §12: the message rate is "dynamic", answered <c>Exceeded msg rate</c>); these are the
/// decisions the sandbox enforces and the client budgets with — the one table of them. Order entry on a socket also
/// charges the account's trading counter per pair, shared with REST (<see cref="SpotTradingLimits"/>).
/// </summary>
/// <param name="MaxConnectionsPerAddress">Open WebSocket connections one remote address may hold; the next upgrade is refused (HTTP 429).</param>
/// <param name="MessageBurst">Requests one connection may send in a burst (a token bucket of this size).</param>
/// <param name="MessagesPerSecond">Requests per second one connection may sustain; beyond, each is answered <c>Exceeded msg rate</c> and not executed.</param>
public sealed record SocketLimits(int MaxConnectionsPerAddress, int MessageBurst, int MessagesPerSecond)
{
    /// <summary>The figures the sandbox enforces by default.</summary>
    /// <value>150 connections per address; a burst of 100 requests per connection, then 50 per second.</value>
    public static SocketLimits Default { get; } = new(150, 100, 50);

    /// <summary>The per-connection request budget as a token bucket: <see cref="MessageBurst"/> tokens refilling at <see cref="MessagesPerSecond"/>.</summary>
    public TokenBucket MessageBucket() => new(MessageBurst, MessagesPerSecond, TimeSpan.FromSeconds(1));

    /// <summary>Throws when a figure is out of range.</summary>
    public void ThrowIfInvalid()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnectionsPerAddress, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MessageBurst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MessagesPerSecond, 1);
    }
}
