namespace Bulkhead.Kraken.Sockets;

/// <summary>Where a <see cref="KrakenSocketClient"/>'s connection is.</summary>
public enum SocketConnectionState
{
    /// <summary>Not connected yet (<see cref="KrakenSocketClient.ConnectAsync"/> not called, or its attempt failed).</summary>
    Disconnected = 0,

    /// <summary>The first connection is being opened.</summary>
    Connecting,

    /// <summary>Connected: requests are sent, subscriptions flow.</summary>
    Connected,

    /// <summary>The connection dropped; a new one is being opened after a backoff.</summary>
    Reconnecting,

    /// <summary>Closed for good (disposed).</summary>
    Closed,
}
