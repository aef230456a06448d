using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Account;
using Bulkhead.Kraken.Sockets.Feeds;
using Bulkhead.Kraken.Sockets.Internal;

namespace Bulkhead.Kraken.Sockets;

public sealed partial class KrakenSocketClient
{
    /// <summary>
    /// Subscribes to the account's <c>executions</c>: order events and fills, never dropped. After a reconnect the feed
    /// starts again with a snapshot (<see cref="SocketBatch{T}.IsSnapshot"/>, a new <see cref="SocketBatch{T}.Session"/>):
    /// events during the gap are not replayed, so reconcile against it (fills by <see cref="ExecutionUpdate.ExecutionId"/>).
    /// </summary>
    /// <param name="subscription">What to ask for; Kraken's defaults when null.</param>
    /// <param name="cancellationToken">Cancels waiting for the acknowledgement.</param>
    public Task<KrakenResult<SocketFeed<ExecutionUpdate>>> SubscribeExecutionsAsync(ExecutionsSubscription? subscription = null, CancellationToken cancellationToken = default)
    {
        var asked = subscription ?? new ExecutionsSubscription();
        return AccountFeedAsync(
            "executions",
            SocketChannelName.Executions,
            (w, subscribing) =>
            {
                if (subscribing)
                {
                    w.WriteBoolean("snap_orders", asked.SnapOrders);
                    w.WriteBoolean("snap_trades", asked.SnapTrades);
                    w.WriteBoolean("order_status", asked.AllStatuses);
                    w.WriteBoolean("ratecounter", asked.RateCounter);
                }
            },
            WireRead.Items,
            (_, item) => AccountWire.Execution(item),
            cancellationToken);
    }

    /// <summary>Subscribes to the account's <c>balances</c>: a snapshot per asset, then one update per ledger entry.</summary>
    public Task<KrakenResult<SocketFeed<BalanceUpdate>>> SubscribeBalancesAsync(CancellationToken cancellationToken = default) =>
        AccountFeedAsync("balances", SocketChannelName.Balances, (_, _) => { }, WireRead.Items, (_, item) => AccountWire.Balance(item), cancellationToken);

    /// <summary>Subscribes to the account's derivatives <c>positions</c> (Unified): a snapshot, then the positions that changed (a closed one with size 0).</summary>
    /// <param name="withMargin">Add each position's margin figures (then without a snapshot, as Kraken requires).</param>
    /// <param name="cancellationToken">Cancels waiting for the acknowledgement.</param>
    public Task<KrakenResult<SocketFeed<PositionUpdate>>> SubscribePositionsAsync(bool withMargin = false, CancellationToken cancellationToken = default) =>
        AccountFeedAsync(
            "positions",
            SocketChannelName.Positions,
            (w, subscribing) =>
            {
                if (subscribing && withMargin)
                {
                    w.WriteBoolean("snapshot", false);
                    w.WriteBoolean("with_margin", true);
                }
            },
            AccountWire.PositionItems,
            (_, item) => AccountWire.Position(item),
            cancellationToken);

    /// <summary>Subscribes to the account's derivatives <c>margin</c> (Unified): every message is the whole state.</summary>
    public Task<KrakenResult<SocketFeed<MarginUpdate>>> SubscribeMarginAsync(CancellationToken cancellationToken = default) =>
        AccountFeedAsync(
            "margin",
            SocketChannelName.Margin,
            (_, _) => { },
            data => [data],
            (root, data) => AccountWire.Margin(data, WireRead.OptionalText(root, "type") ?? string.Empty),
            cancellationToken);

    /// <summary>Subscribes to the account's derivatives <c>ledgers</c> (Unified): one item per balance change, no snapshot.</summary>
    public Task<KrakenResult<SocketFeed<LedgerUpdate>>> SubscribeLedgersAsync(CancellationToken cancellationToken = default) =>
        AccountFeedAsync("ledgers", SocketChannelName.Ledgers, (_, _) => { }, WireRead.Items, (_, item) => AccountWire.Ledger(item), cancellationToken);

    private Task<KrakenResult<SocketFeed<T>>> AccountFeedAsync<T>(
        string channel,
        SocketChannelName name,
        Action<Utf8JsonWriter, bool> writeParams,
        Func<JsonElement, IReadOnlyList<JsonElement>> items,
        Func<JsonElement, JsonElement, T> read,
        CancellationToken cancellationToken) =>
        FeedAsync(channel, name, channel, isPrivate: true, bounded: false, writeParams, items, accepts: null, read, cancellationToken);
}
