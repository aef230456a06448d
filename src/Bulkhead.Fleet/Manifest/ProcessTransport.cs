namespace Bulkhead.Fleet.Manifest;

/// <summary>How a process talks to Kraken for its streams and orders (<c>transport</c> in its <c>[processes.NAME]</c> table).</summary>
public enum ProcessTransport
{
    /// <summary>REST only: polls (Spot REST, Futures REST until Kraken switches it off on 1 March 2027).</summary>
    Rest,

    /// <summary>Kraken's WebSockets (Spot v2, the Unified WebSocket for derivatives); REST at start-up and for transfers.</summary>
    WebSocket,
}
