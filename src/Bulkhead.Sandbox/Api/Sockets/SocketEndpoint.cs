namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>The four WebSocket endpoints: Spot v2 public and private, Unified public and private.</summary>
public enum SocketEndpoint
{
    /// <summary>Spot v2 public, <c>/v2</c> (Kraken: <c>wss://ws.kraken.com/v2</c>).</summary>
    SpotPublic,

    /// <summary>Spot v2 private, <c>/auth/v2</c> (Kraken: <c>wss://ws-auth.kraken.com/v2</c>).</summary>
    SpotPrivate,

    /// <summary>Unified public, <c>/v2/public</c> (Kraken: <c>wss://uws.kraken.com/v2/public</c>).</summary>
    UnifiedPublic,

    /// <summary>Unified private, <c>/v2/private</c> (Kraken: <c>wss://uws.kraken.com/v2/private</c>).</summary>
    UnifiedPrivate,
}
