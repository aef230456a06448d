using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// The subscribe params of the <c>executions</c> channel, the same on Spot and Unified: <c>snap_orders</c> (default true),
/// <c>snap_trades</c> (default false; the last <see cref="SnapshotTrades"/> fills; <c>snapshot</c> is its deprecated
/// alias), <c>order_status</c> (default true; false streams only open/close transitions), <c>ratecounter</c> (default false).
/// </summary>
internal readonly record struct ExecutionsRequest(bool SnapOrders, bool SnapTrades, bool AllStatuses, bool RateCounter)
{
    /// <summary>How many fills a <c>snap_trades</c> snapshot holds.</summary>
    public const int SnapshotTrades = 50;

    /// <summary>The channel's own <c>params</c> members.</summary>
    public static readonly string[] Fields = ["snap_orders", "snap_trades", "order_status", "ratecounter", "snapshot"];

    /// <summary>The params; null after answering <c>Invalid 'params.…'</c> for the first one (in <see cref="Fields"/> order, <c>snapshot</c> second) that is not a boolean.</summary>
    public static ExecutionsRequest? Read(SocketCall call)
    {
        var snapOrders = call.Bool("snap_orders", true, out var ok1);
        var snapTrades = call.Bool("snap_trades", call.Bool("snapshot", false, out var ok2), out var ok3);
        var allStatuses = call.Bool("order_status", true, out var ok4);
        var rateCounter = call.Bool("ratecounter", false, out var ok5);
        if (ok1 && ok2 && ok3 && ok4 && ok5)
        {
            return new(snapOrders, snapTrades, allStatuses, rateCounter);
        }

        call.Fail(SocketErrors.InvalidField(!ok1 ? "params.snap_orders" : !ok2 ? "params.snapshot" : !ok3 ? "params.snap_trades" : !ok4 ? "params.order_status" : "params.ratecounter"));
        return null;
    }
}
