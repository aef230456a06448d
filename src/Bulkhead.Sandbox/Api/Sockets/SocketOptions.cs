using Bulkhead.Kraken.Limits;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// Limits of the sandbox's WebSocket endpoints. Kraken documents none of these figures for v2 (websocket.md §3, §12):
/// the defaults are decisions recorded in docs/sandbox.md; the connection and message figures come from Bulkhead.Kraken's
/// one table (<see cref="SocketLimits.Default"/>), the same the client budgets with.
/// </summary>
public sealed class SocketOptions
{
    /// <summary>Open WebSocket connections one remote address may hold at once; the next upgrade gets HTTP 429.</summary>
    /// <value><see cref="SocketLimits.Default"/>: 150.</value>
    public int MaxConnectionsPerAddress { get; set; } = SocketLimits.Default.MaxConnectionsPerAddress;

    /// <summary>Requests one connection may send in a burst (a token bucket of this size).</summary>
    /// <value><see cref="SocketLimits.Default"/>: 100.</value>
    public int MessageBurst { get; set; } = SocketLimits.Default.MessageBurst;

    /// <summary>Requests per second one connection may sustain; beyond, each request is answered <c>Exceeded msg rate</c> and not executed.</summary>
    /// <value><see cref="SocketLimits.Default"/>: 50.</value>
    public int MessagesPerSecond { get; set; } = SocketLimits.Default.MessagesPerSecond;

    /// <summary>Frames queued to one connection before it counts as a slow consumer and is disconnected (close 1008, reason given).</summary>
    /// <value>4096.</value>
    public int SendQueueFrames { get; set; } = 4096;

    /// <summary>Largest frame read; a larger one is answered with an error and discarded.</summary>
    /// <value>64 KiB.</value>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>A connection with no subscription and no request for this long is closed (Kraken closes sockets with nothing subscribed).</summary>
    /// <value>60 seconds.</value>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a subscribed connection that has been sent nothing else receives <c>{"channel":"heartbeat"}</c>.</summary>
    /// <value>1 second.</value>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The connection and message figures as Bulkhead.Kraken's table.</summary>
    public SocketLimits Limits => new(MaxConnectionsPerAddress, MessageBurst, MessagesPerSecond);

    /// <summary>Throws when a value is out of range.</summary>
    public void ThrowIfInvalid()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnectionsPerAddress, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MessageBurst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MessagesPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(SendQueueFrames, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFrameBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HeartbeatInterval, TimeSpan.Zero);
    }
}
