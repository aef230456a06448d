using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// <c>executions</c> (Spot private): the account's orders and fills. Subscribe params <c>snap_orders</c> (default
/// true), <c>snap_trades</c> (default false; the last 50 fills; <c>snapshot</c> is its deprecated alias),
/// <c>order_status</c> (default true; false streams only open/close transitions), <c>ratecounter</c> (default false;
/// adds <c>ratecount</c>, the per-pair trading counter, to order events), <c>token</c> (needs the permission of REST
/// OpenOrders). The snapshot comes as up to two frames — open orders, then fills — because a client routes a whole
/// message by its first item's <c>exec_type</c> (ccxt); then one <c>update</c> frame per event, each with the
/// connection's next <c>sequence</c>.
/// </summary>
internal sealed class ExecutionsChannel(SocketHub hub) : ISocketChannel, IExchangeListener
{
    private static readonly string[] Fields = ["channel", "token", .. ExecutionsRequest.Fields];
    private readonly AccountRegistry<AccountSubscription> _subscribers = new();

    public string Name => "executions";

    public void Subscribe(SocketCall call)
    {
        if (!call.CheckParams(Fields) || ExecutionsRequest.Read(call) is not { } request
            || !SocketParams.Authorized(call, "OpenOrders", out var account))
        {
            return;
        }

        var (snapOrders, snapTrades, allStatuses, rateCounter) = request;

        var token = call.String("token", out _)!;
        if (PrivateChannel.Start(call, Name, _subscribers, SocketErrors.AlreadySubscribed, () => new Subscription(hub, call.Connection, account, token, allStatuses, rateCounter))
            is not Subscription subscription)
        {
            return;
        }

        PrivateChannel.Ack(call, Name, w =>
        {
            if (rateCounter)
            {
                w.WriteNumber("maxratecount", hub.Exchange.TradingLimits.Threshold);
            }

            w.WriteBoolean("snapshot", snapOrders || snapTrades);
        });

        var orders = snapOrders ? hub.Exchange.OpenOrders(account, TradingVenue.Spot) : [];
        var trades = snapTrades ? hub.Exchange.Trades(account, TradingVenue.Spot).Take(ExecutionsRequest.SnapshotTrades).Reverse().ToList() : [];
        subscription.Start(orders, trades, snapOrders, snapTrades);
    }

    public void Unsubscribe(SocketCall call)
    {
        if (call.CheckParams(Fields))
        {
            PrivateChannel.Unsubscribe(call, Name);
        }
    }

    public void OnCommitted(CommittedChanges changes) => AccountSubscription.Publish(_subscribers, changes);

    private sealed class Subscription(SocketHub hub, SocketConnection connection, string account, string token, bool allStatuses, bool rateCounter)
        : AccountSubscription(hub, connection, account, token)
    {
        private HashSet<SandboxOrder>? _snapshotOrders;
        private HashSet<string>? _snapshotTrades;

        public void Start(IReadOnlyList<SandboxOrder> orders, IReadOnlyList<SandboxTrade> trades, bool snapOrders, bool snapTrades)
        {
            _snapshotOrders = [.. orders];
            _snapshotTrades = [.. trades.Select(t => t.Id)];
            Start(() =>
            {
                if (snapOrders)
                {
                    Send("snapshot", w =>
                    {
                        foreach (var order in orders)
                        {
                            ExecutionWriter.SnapshotOrder(w, order, RateCount(order.Symbol));
                        }
                    });
                }

                if (snapTrades)
                {
                    Send("snapshot", w =>
                    {
                        foreach (var trade in trades)
                        {
                            ExecutionWriter.SnapshotTrade(w, trade);
                        }
                    });
                }
            });
        }

        protected override void Render(CommittedChanges changes)
        {
            foreach (var change in changes.Orders)
            {
                var order = change.Current;
                if (order.Account != Account || order.Venue != TradingVenue.Spot || _snapshotOrders?.Contains(order) == true)
                {
                    continue;
                }

                var trades = changes.Trades.Where(t => t.OrderId == order.Id && t.Account == Account && _snapshotTrades?.Contains(t.Id) != true).ToList();
                foreach (var write in ExecutionWriter.Events(change, trades, allStatuses, changes.Time, RateCount(order.Symbol)))
                {
                    Send("update", w => write(w));
                }
            }
        }

        protected override void SnapshotDone()
        {
            _snapshotOrders = null;
            _snapshotTrades = null;
        }

        private decimal? RateCount(string symbol) => rateCounter ? Exchange.TradingCounter(Account, symbol) : null;

        private void Send(string type, Action<Utf8JsonWriter> items) => Send("executions", type, items);
    }
}
