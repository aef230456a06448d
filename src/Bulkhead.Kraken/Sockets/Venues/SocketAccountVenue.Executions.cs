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
    private int _gapSession;

    /// <summary>
    /// The account's fills with their fees, newest first. A poll (<see cref="VenueFillQuery.StopAtKnownPage"/>) reads the
    /// fills the <c>executions</c> stream delivered (its snapshot's recent trades included) — after a reconnect once more
    /// through <see cref="ReadHistoryAsync"/>, to cover a gap longer than the snapshot; a catch-up reads the derived venue's
    /// history as well (<see cref="ReadHistoryAsync"/>).
    /// </summary>
    public async Task<KrakenResult<IReadOnlyList<VenueFill>>> GetFillsAsync(VenueFillQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fills = new Dictionary<string, VenueFill>(StringComparer.Ordinal);
        bool gap;
        lock (_gate)
        {
            foreach (var fill in _fills)
            {
                fills.TryAdd(fill.FillId, fill);
            }

            gap = _gapSession != 0;
            _gapSession = 0;
        }

        if (!query.StopAtKnownPage || gap)
        {
            var history = await ReadHistoryAsync(query, cancellationToken).ConfigureAwait(false);
            if (!history.Success)
            {
                if (gap)
                {
                    lock (_gate)
                    {
                        _gapSession = Math.Max(_gapSession, 1); // read again next time
                    }
                }

                return history.Error;
            }

            foreach (var fill in history.Value)
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
                    _gapSession = batch.Session;
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
