using Bulkhead.Fleet.Fills;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Worker;

namespace Bulkhead.Runtime.Sdk;

public sealed partial class StrategyContext
{
    /// <summary>
    /// Places an order: the risk check first (a breach throws <see cref="WorkerHaltException"/> with exit 5 — the host
    /// cancels everything and halts the strategy), then the order is journaled <c>Sent</c>, sent, and journaled
    /// <c>Open</c>, <c>Filled</c>, <c>Cancelled</c> or <c>Rejected</c>. A refusal is returned as a failed result;
    /// an authentication halt throws (exit 4).
    /// </summary>
    public async Task<KrakenResult<VenueOrderAck>> PlaceOrderAsync(VenueOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var price = request.LimitPrice ?? Quote(request.Symbol)?.Mark ?? 0m;
        if (RiskCheck.Evaluate(Risk, request.Symbol, Position(request.Symbol), Resting(request.Symbol, request.Side), request.Side, request.Quantity, price, DrawdownUsd) is { } breach)
        {
            throw new WorkerHaltException(WorkerExitCodes.HaltedRisk, breach);
        }

        var clientOrderId = request.ClientOrderId ?? Guid.NewGuid().ToString("D");
        var type = request.Kind switch
        {
            VenueOrderKind.Market => "market",
            VenueOrderKind.PostOnly => "post",
            VenueOrderKind.ImmediateOrCancel => "ioc",
            _ => "limit",
        };
        var order = new JournalOrder(Account, Strategy.Name, Process, Venue, request.Symbol, clientOrderId, null, request.Side, request.Quantity, request.LimitPrice, type, JournalOrderState.Sent, Time.GetUtcNow());
        _journal.RecordOrder(order);
        OrdersSent++;
        var placed = await _venue.PlaceOrderAsync(request with { ClientOrderId = clientOrderId }, cancellationToken).ConfigureAwait(false);
        if (!placed.Success)
        {
            _journal.RecordOrder(order with { State = JournalOrderState.Rejected, Time = Time.GetUtcNow() });
            _status?.Write("order", ("symbol", request.Symbol), ("side", Side(request.Side)), ("quantity", request.Quantity), ("price", request.LimitPrice), ("type", type), ("state", "rejected"), ("error", placed.Error.Code));
            ThrowIfHalting(placed.Error);
            return placed;
        }

        var ack = placed.Value;
        var state = ack.Status switch
        {
            VenueOrderStatus.Filled => JournalOrderState.Filled,
            VenueOrderStatus.Cancelled => JournalOrderState.Cancelled,
            _ => JournalOrderState.Open,
        };
        _journal.RecordOrder(order with { OrderId = ack.OrderId, State = state, Time = Time.GetUtcNow() });
        if (state == JournalOrderState.Open)
        {
            _open[clientOrderId] = new TrackedOrder(clientOrderId, ack.OrderId, request.Symbol, request.Side, request.Quantity, request.LimitPrice, type, Time.GetUtcNow());
        }

        _status?.Write("order", ("symbol", request.Symbol), ("side", Side(request.Side)), ("quantity", request.Quantity), ("price", request.LimitPrice), ("type", type), ("state", state.ToString().ToLowerInvariant()));
        return placed;
    }

    /// <summary>Cancels one of the strategy's resting orders (journaled <c>Cancelled</c> when the exchange cancelled it).</summary>
    public async Task<KrakenResult<int>> CancelOrderAsync(TrackedOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var cancelled = await _venue.CancelOrderAsync(VenueOrderRef.ByOrderId(order.OrderId), cancellationToken).ConfigureAwait(false);
        if (!cancelled.Success)
        {
            ThrowIfHalting(cancelled.Error);
            return cancelled;
        }

        Close(order, JournalOrderState.Cancelled);
        return cancelled;
    }

    /// <summary>Cancels every open order of the account; the strategy's resting orders are journaled <c>Cancelled</c>.</summary>
    public async Task<KrakenResult<int>> CancelAllAsync(CancellationToken cancellationToken)
    {
        var cancelled = await _venue.CancelAllAsync(cancellationToken).ConfigureAwait(false);
        if (!cancelled.Success)
        {
            ThrowIfHalting(cancelled.Error);
            return cancelled;
        }

        foreach (var order in _open.Values.ToList())
        {
            Close(order, _filledByOrder.GetValueOrDefault(order.OrderId) >= order.Quantity ? JournalOrderState.Filled : JournalOrderState.Cancelled);
        }

        return cancelled;
    }

    /// <summary>Loads the account's journaled fills (positions, known fill ids) and the strategy's P&amp;L peak.</summary>
    internal void LoadJournal()
    {
        foreach (var fill in _journal.Fills(Account)) // already in execution-time order, ties by fill id (IFillJournal.Fills)
        {
            Apply(fill);
        }

        var equity = _journal.Equity(Strategy.Name);
        if (equity.Count > 0)
        {
            SeedPeak(equity.Max(e => e.PnlUsd));
        }
    }

    /// <summary>Reads the account's fills from the exchange; journals the new ones (once per fill id) and folds them in. Returns them, oldest first.</summary>
    internal async Task<KrakenResult<IReadOnlyList<JournalFill>>> PollFillsAsync(bool everything, CancellationToken cancellationToken)
    {
        var trades = await _venue.GetTradesAsync(everything, _knownFills.Contains, cancellationToken).ConfigureAwait(false);
        if (!trades.Success)
        {
            ThrowIfHalting(trades.Error);
            return trades.Error;
        }

        var fresh = new List<JournalFill>();
        foreach (var t in trades.Value.Where(t => !_knownFills.Contains(t.FillId)).OrderBy(t => t.Time).ThenBy(t => t.FillId, StringComparer.Ordinal))
        {
            var fill = new JournalFill(Account, Strategy.Name, Process, Venue, t.Symbol, t.FillId, t.OrderId, t.Side, t.Quantity, t.Price, t.Fee?.Amount ?? 0m, t.Fee?.Currency ?? string.Empty, t.Time);
            _journal.RecordFill(fill); // false: another process of the account journaled it first; it still counts here
            Apply(fill);
            fresh.Add(fill);
            _status?.Write("fill", ("symbol", t.Symbol), ("side", Side(t.Side)), ("quantity", t.Quantity), ("price", t.Price), ("fee", t.Fee?.Amount ?? 0m));
        }

        return KrakenResult<IReadOnlyList<JournalFill>>.Ok(fresh);
    }

    /// <summary>Compares the tracked orders with the exchange's open orders: gone ones are journaled Filled or Cancelled.</summary>
    internal async Task<KrakenResult<int>> SyncOpenOrdersAsync(CancellationToken cancellationToken)
    {
        var open = await _venue.GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false);
        if (!open.Success)
        {
            ThrowIfHalting(open.Error);
            return open.Error;
        }

        var byId = open.Value.ToDictionary(o => o.OrderId, StringComparer.Ordinal);
        foreach (var order in _open.Values.ToList())
        {
            if (byId.TryGetValue(order.OrderId, out var live))
            {
                _open[order.ClientOrderId] = order with { Remaining = live.Quantity - live.FilledQuantity };
            }
            else
            {
                Close(order, _filledByOrder.GetValueOrDefault(order.OrderId) >= order.Quantity ? JournalOrderState.Filled : JournalOrderState.Cancelled);
            }
        }

        return KrakenResult<int>.Ok(open.Value.Count);
    }

    private void Close(TrackedOrder order, JournalOrderState state)
    {
        _open.Remove(order.ClientOrderId);
        _journal.RecordOrder(new JournalOrder(Account, Strategy.Name, Process, Venue, order.Symbol, order.ClientOrderId, order.OrderId, order.Side, order.Quantity, order.LimitPrice, order.Type, state, Time.GetUtcNow()));
    }

    private void Apply(JournalFill fill)
    {
        if (!_knownFills.Add(fill.FillId))
        {
            return;
        }

        var current = _positions.TryGetValue(fill.Symbol, out var p) ? p : SymbolPosition.Flat(fill.Symbol);
        _positions[fill.Symbol] = FillPnl.Apply(current, fill);
        if (fill.OrderId is { } orderId)
        {
            _filledByOrder[orderId] = _filledByOrder.GetValueOrDefault(orderId) + fill.Quantity;
            foreach (var tracked in _open.Values.Where(o => o.OrderId == orderId).ToList())
            {
                _open[tracked.ClientOrderId] = tracked with { Remaining = Math.Max(0m, tracked.Remaining - fill.Quantity) };
            }
        }
    }

    private static string Side(OrderSide side) => side.ToString().ToLowerInvariant();
}
