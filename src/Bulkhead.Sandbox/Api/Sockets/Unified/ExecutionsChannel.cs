using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// Unified <c>executions</c> for derivatives: the account's Futures orders and fills from the exchange's commits —
/// <c>new</c> (no <c>pending_new</c> on derivatives), <c>trade</c>, <c>filled</c>, <c>canceled</c>, <c>expired</c>,
/// <c>amended</c> — with UUID order and fill ids (the ids Futures REST shows) and the connection's private
/// <c>sequence</c>. <c>snap_orders</c> (default true) sends the open orders first, <c>snap_trades</c> (default false)
/// the last 50 fills; <c>order_status: false</c> streams only the open/close transitions.
/// </summary>
internal sealed class ExecutionsChannel(SocketHub hub) : ISocketChannel, IExchangeListener
{
    private readonly AccountRegistry<AccountStream> _streams = new();

    public string Name => "executions";

    public void Subscribe(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "OpenOrders", assetClass: true, ExecutionsRequest.Fields) is not { } account)
        {
            return;
        }

        if (ExecutionsRequest.Read(call) is not { } request)
        {
            return;
        }

        var (snapOrders, snapTrades, allStatuses, rateCounter) = request;

        if (UnifiedRequest.Start(call, Name, account.Name, _streams, SocketErrors.AlreadySubscribed, allStatuses) is not { } stream)
        {
            return;
        }

        PrivateChannel.Ack(call, Name, w =>
        {
            w.WriteBoolean("snap_orders", snapOrders);
            w.WriteBoolean("snap_trades", snapTrades);
            w.WriteBoolean("order_status", allStatuses);
            w.WriteBoolean("ratecounter", rateCounter);
        });
        if (!snapOrders && !snapTrades)
        {
            stream.Open(null);
            return;
        }

        var now = hub.Time.GetUtcNow();
        var orders = snapOrders ? hub.Exchange.OpenOrders(account.Name, TradingVenue.Futures) : [];
        var trades = snapTrades ? hub.Exchange.Trades(account.Name, TradingVenue.Futures).OrderByDescending(t => t.Sequence).Take(ExecutionsRequest.SnapshotTrades).Reverse().ToList() : [];
        var ordersOfTrades = trades.Select(t => t.OrderId).Distinct().Select(id => hub.Exchange.FindOrder(account.Name, id)).OfType<SandboxOrder>().ToDictionary(o => o.Id);
        stream.Open(sequence => SocketFrames.Channel(Name, "snapshot", w =>
        {
            w.WriteStartArray();
            foreach (var order in orders)
            {
                UnifiedWire.Execution(w, "new", order, order.Executed, UnifiedWire.Status(order), now);
            }

            foreach (var trade in trades)
            {
                if (ordersOfTrades.TryGetValue(trade.OrderId, out var order))
                {
                    UnifiedWire.Execution(w, "trade", order, order.Executed, UnifiedWire.Status(order), trade.Time, trade);
                }
            }

            w.WriteEndArray();
        }, sequence));
    }

    public void Unsubscribe(SocketCall call) => UnifiedRequest.Unsubscribe(call, Name, ExecutionsRequest.Fields);

    /// <inheritdoc />
    public void OnCommitted(CommittedChanges changes)
    {
        if (_streams.IsEmpty)
        {
            return;
        }

        foreach (var account in changes.Orders.Where(c => c.Current.Venue == TradingVenue.Futures).Select(c => c.Current.Account).Distinct(StringComparer.Ordinal))
        {
            var streams = _streams.Of(account);
            if (streams.Length == 0)
            {
                continue;
            }

            var events = Events(changes, account);
            foreach (var stream in streams)
            {
                var shown = stream.Options is false ? [.. events.Where(e => e.ExecType is "new" or "filled" or "canceled" or "expired")] : events;
                if (shown.Count > 0)
                {
                    stream.Post(sequence => SocketFrames.Channel(Name, "update", w => Write(w, shown), sequence));
                }
            }
        }
    }

    /// <summary>The events of one commit for one account, in the order the exchange wrote the order versions.</summary>
    private static List<ExecutionEvent> Events(CommittedChanges changes, string account)
    {
        var fills = changes.Trades.Where(t => t.Account == account && t.Venue == TradingVenue.Futures)
            .GroupBy(t => t.OrderId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<SandboxTrade>(g.OrderBy(t => t.Sequence)), StringComparer.Ordinal);
        var events = new List<ExecutionEvent>();
        var versions = new Dictionary<string, SandboxOrder>(StringComparer.Ordinal);
        foreach (var (before, current) in changes.Orders)
        {
            if (current.Account != account || current.Venue != TradingVenue.Futures)
            {
                continue;
            }

            // One commit may write several versions of an order; each follows the one before it, not the pre-commit one.
            var previous = versions.GetValueOrDefault(current.Id) ?? before;
            versions[current.Id] = current;

            var cum = previous?.Executed ?? 0m;
            if (previous is null)
            {
                events.Add(new("new", current, 0m, "new", changes.Time, null));
            }

            if (fills.TryGetValue(current.Id, out var queue))
            {
                while (cum < current.Executed && queue.TryDequeue(out var trade))
                {
                    cum += trade.Volume;
                    events.Add(new("trade", current, cum, cum >= current.Volume ? "filled" : "partially_filled", trade.Time, trade));
                }
            }

            if ((previous is null || previous.IsOpen) && !current.IsOpen)
            {
                var status = UnifiedWire.Status(current);
                events.Add(new(status, current, current.Executed, status, changes.Time, null));
            }
            else if (previous is not null && current.IsOpen && (previous.Volume != current.Volume || previous.Price != current.Price))
            {
                events.Add(new("amended", current, current.Executed, UnifiedWire.Status(current), changes.Time, null));
            }
        }

        return events;
    }

    private static void Write(Utf8JsonWriter w, IReadOnlyList<ExecutionEvent> events)
    {
        w.WriteStartArray();
        foreach (var e in events)
        {
            UnifiedWire.Execution(w, e.ExecType, e.Order, e.CumQty, e.Status, e.Time, e.Trade);
        }

        w.WriteEndArray();
    }

    private sealed record ExecutionEvent(string ExecType, SandboxOrder Order, decimal CumQty, string Status, DateTimeOffset Time, SandboxTrade? Trade);
}
