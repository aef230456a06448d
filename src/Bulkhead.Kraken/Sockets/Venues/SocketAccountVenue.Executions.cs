using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Account;
using Bulkhead.Kraken.Sockets.Feeds;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Sockets.Venues;

public abstract partial class SocketAccountVenue
{
    /// <summary>How many fills the venue keeps in memory (newest); older ones are in the caller's journal and on REST.</summary>
    public const int KeptFills = 10_000;

    private static readonly string[] ClosedStatuses = ["filled", "canceled", "cancelled", "expired"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, VenueOpenOrder> _open = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);
    private readonly LinkedList<VenueFill> _fills = new();
    private readonly HashSet<string> _fillIds = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _ordersSnapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ordersSession;
    private bool _readHistory;
    private long _lastHistory;

    /// <summary>
    /// How often a poll also reads the recent fills from the history (<see cref="ReadHistoryAsync"/>): a bound on how
    /// long a fill the stream lost (a gap longer than a reconnect's snapshot) stays unjournaled. One REST call a minute.
    /// </summary>
    public static readonly TimeSpan HistoryInterval = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The account's fills with their fees, newest first. A poll (<see cref="VenueFillQuery.StopAtKnownPage"/>) reads the
    /// fills the <c>executions</c> stream delivered (its snapshot's recent trades included), and the recent history
    /// (<see cref="ReadHistoryAsync"/>) after a reconnect, when asked (<see cref="ReadHistoryOnNextPoll"/>) and every
    /// <see cref="HistoryInterval"/>; a catch-up reads the history as well. A failed history read does not hide the
    /// stream's fills: they are returned and the history is read again on the next poll.
    /// </summary>
    public async Task<KrakenResult<IReadOnlyList<VenueFill>>> GetFillsAsync(VenueFillQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fills = new Dictionary<string, VenueFill>(StringComparer.Ordinal);
        bool history;
        lock (_gate)
        {
            foreach (var fill in _fills)
            {
                fills.TryAdd(fill.FillId, fill);
            }

            history = !query.StopAtKnownPage || _readHistory || _lastHistory == 0 || Time.GetElapsedTime(_lastHistory) >= HistoryInterval;
            _readHistory = false;
        }

        if (history)
        {
            var read = await ReadHistoryAsync(query, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                if (read.Success)
                {
                    _lastHistory = Time.GetTimestamp();
                }
                else
                {
                    _readHistory = true; // again on the next poll
                }
            }

            foreach (var fill in read.Success ? read.Value : [])
            {
                fills.TryAdd(fill.FillId, fill);
            }
        }

        return KrakenResult<IReadOnlyList<VenueFill>>.Ok([.. fills.Values
            .Where(f => query.Since is not { } since || f.Time >= since)
            .Where(f => query.IsKnown?.Invoke(f.FillId) != true)
            .OrderByDescending(f => f.Time)
            .ThenByDescending(f => f.FillId, StringComparer.Ordinal)]);
    }

    /// <summary>Makes the next poll read the recent history too (the last poll before a graceful stop: nothing in flight is left out).</summary>
    public void ReadHistoryOnNextPoll()
    {
        lock (_gate)
        {
            _readHistory = true;
        }
    }

    /// <summary>
    /// The fills the stream cannot give: the whole history for a catch-up, or the recent ones after a reconnect (Spot: REST
    /// <c>TradesHistory</c>; Unified: none beyond the <c>executions</c> snapshot).
    /// </summary>
    protected abstract Task<KrakenResult<IReadOnlyList<VenueFill>>> ReadHistoryAsync(VenueFillQuery query, CancellationToken cancellationToken);

    /// <summary>The open orders kept from the stream and the acknowledgements, oldest first.</summary>
    protected IReadOnlyList<VenueOpenOrder> OpenOrders()
    {
        lock (_gate)
        {
            return [.. _open.Values.OrderBy(o => o.PlacedAt ?? DateTimeOffset.MinValue).ThenBy(o => o.OrderId, StringComparer.Ordinal)];
        }
    }

    /// <summary>An accepted placement: open until the stream says otherwise (an ack racing ahead of its <c>new</c> event, or after it).</summary>
    private void Acknowledged(string orderId, string clientOrderId, VenueOrderRequest request)
    {
        lock (_gate)
        {
            if (_closed.Contains(orderId) || _open.ContainsKey(orderId))
            {
                return;
            }

            _open[orderId] = new VenueOpenOrder(orderId, clientOrderId, request.Symbol, request.Side, request.Kind, request.Quantity, 0m, request.LimitPrice, request.ReduceOnly, Time.GetUtcNow());
        }
    }

    private void ApplyExecutions(SocketBatch<ExecutionUpdate> batch)
    {
        lock (_gate)
        {
            if (batch.IsSnapshot && batch.Session != _ordersSession)
            {
                // A new connection's snapshot replaces what was open; events in the gap were not replayed.
                _open.Clear();
                if (_ordersSession != 0)
                {
                    _readHistory = true; // the gap may hold more fills than the snapshot's
                }

                _ordersSession = batch.Session;
            }

            foreach (var e in batch.Items)
            {
                Apply(e);
            }
        }

        if (batch.IsSnapshot)
        {
            _ordersSnapshot.TrySetResult();
        }
    }

    private void Apply(ExecutionUpdate e)
    {
        _open.TryGetValue(e.OrderId, out var known);
        var symbol = e.Symbol is { } wire ? VenueSymbol(wire) : known?.Symbol;
        if (e.ExecType == ExecutionType.Trade || (e.ExecutionId is not null && e.LastQuantity is > 0m))
        {
            AddFill(e, symbol ?? string.Empty, Side(e) ?? known?.Side ?? OrderSide.Buy, known?.ClientOrderId);
        }

        var closed = e.ExecType is ExecutionType.Filled or ExecutionType.Canceled or ExecutionType.Expired
            || (e.OrderStatus is { } status && ClosedStatuses.Contains(status, StringComparer.Ordinal));
        if (closed)
        {
            _open.Remove(e.OrderId);
            _closed.Add(e.OrderId);
            if (_closed.Count > KeptFills * 5)
            {
                _closed.Clear(); // ids are never reused; a late ack of an order closed this long ago cannot come
            }

            return;
        }

        if (_closed.Contains(e.OrderId) || symbol is null || (Side(e) ?? known?.Side) is not { } side)
        {
            return;
        }

        var quantity = e.OrderQuantity ?? known?.Quantity ?? 0m;
        _open[e.OrderId] = new VenueOpenOrder(
            e.OrderId,
            e.ClientOrderId ?? known?.ClientOrderId,
            symbol,
            side,
            (e.OrderType ?? (known?.Kind == VenueOrderKind.Market ? "market" : "limit")) == "market" ? VenueOrderKind.Market : e.PostOnly == true ? VenueOrderKind.PostOnly : known?.Kind ?? VenueOrderKind.Limit,
            quantity,
            e.CumulativeQuantity ?? known?.FilledQuantity ?? 0m,
            e.LimitPrice ?? known?.LimitPrice,
            e.ReduceOnly ?? known?.ReduceOnly ?? false,
            known?.PlacedAt ?? e.Time);
    }

    private static OrderSide? Side(ExecutionUpdate e) => e.Side switch
    {
        Spot.Models.OrderSide.Buy => OrderSide.Buy,
        Spot.Models.OrderSide.Sell => OrderSide.Sell,
        _ => null,
    };

    private void AddFill(ExecutionUpdate e, string symbol, OrderSide side, string? clientOrderId)
    {
        if (e.ExecutionId is not { } id || e.LastQuantity is not { } quantity || e.LastPrice is not { } price || !_fillIds.Add(id))
        {
            return;
        }

        // One fee currency per fill, as on REST (Kraken and the sandbox charge one); a second one would be the first's
        // protocol failure, and the stream must not stop for it: the first currency's fee is kept, reconciliation shows the rest.
        var fees = e.Fees.GroupBy(f => FeeCurrency(f.Asset), StringComparer.Ordinal).ToList();
        var fee = fees.Count > 0 ? new VenueFee(fees[0].Sum(f => f.Quantity), fees[0].Key) : new VenueFee(0m, FeeCurrency("USD"));
        var maker = e.LiquidityIndicator switch
        {
            "m" => true,
            "t" => false,
            _ => (bool?)null,
        };
        _fills.AddFirst(new VenueFill(id, e.OrderId, e.ClientOrderId ?? clientOrderId, symbol, side, quantity, price, e.Time ?? Time.GetUtcNow(), maker, fee));
        while (_fills.Count > KeptFills)
        {
            _fillIds.Remove(_fills.Last!.Value.FillId);
            _fills.RemoveLast();
        }
    }
}
