namespace Bulkhead.Kraken.Sockets.Internal;

/// <summary>
/// Where Spot v2 and the Unified WebSocket differ on the wire, in one place. Kraken's Unified pages are partly
/// UNCONFIRMED (websocket.md §12); the answers here are the sandbox's decisions (docs/sandbox.md, "Unified private").
/// </summary>
internal static class SocketDialect
{
    /// <summary>
    /// True when a request carries <c>asset_class: "derivatives"</c>: every Unified request that applies to a market
    /// (market channels, <c>executions</c>, <c>positions</c>, <c>margin</c> and order entry); not <c>balances</c>,
    /// <c>ledgers</c>, <c>cancel_all_orders_after</c> or <c>ping</c>, whose pages do not show it.
    /// </summary>
    public static bool CarriesAssetClass(SocketProtocol protocol, string methodOrChannel) =>
        protocol == SocketProtocol.Unified && methodOrChannel is not ("balances" or "ledgers" or "preferences" or "cancel_all_orders_after" or "ping");

    /// <summary>
    /// How many <c>snapshot</c> frames an <c>executions</c> subscription starts with: on Spot the open orders and the fills
    /// come as two frames (a client routes a message by its first item's type), on Unified as one.
    /// </summary>
    public static int ExecutionsSnapshotFrames(SocketProtocol protocol, bool snapOrders, bool snapTrades) =>
        protocol == SocketProtocol.SpotV2
            ? (snapOrders ? 1 : 0) + (snapTrades ? 1 : 0)
            : snapOrders || snapTrades ? 1 : 0;
}
