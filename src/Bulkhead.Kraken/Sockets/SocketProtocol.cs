namespace Bulkhead.Kraken.Sockets;

/// <summary>Which of Kraken's two v2 WebSocket protocols a connection speaks.</summary>
public enum SocketProtocol
{
    /// <summary>Spot WebSocket v2 (<c>wss://ws.kraken.com/v2</c>, <c>wss://ws-auth.kraken.com/v2</c>; symbols <c>BTC/USD</c>).</summary>
    SpotV2 = 0,

    /// <summary>
    /// The Unified WebSocket (<c>wss://uws.kraken.com/v2/public</c>, <c>…/v2/private</c>), derivatives only until Kraken
    /// adds Spot: every market-facing request carries <c>asset_class: "derivatives"</c>; symbols <c>PF_XBTUSD</c>.
    /// </summary>
    Unified,
}
