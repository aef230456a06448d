using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Internal;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Transport;

namespace Bulkhead.Kraken.Sockets;

public sealed partial class KrakenSocketClient
{
    /// <summary>The refusal of a client order id already used (derivatives keep them unique across the account's orders).</summary>
    private const string ClientOrderIdTaken = KrakenErrors.InvalidArguments + ":cl_ord_id";

    /// <summary>
    /// Places an order (<c>add_order</c>) with a client order id (the caller's, or a fresh UUID). It is sent once. When the
    /// outcome is ambiguous — sent, then the connection dropped or no answer came — the client waits
    /// (<see cref="KrakenSocketOptions.OrderLookupDelay"/>, and past the order's <see cref="SocketOrderRequest.Deadline"/>),
    /// looks the order up by its client order id (<see cref="IOrderLookup"/>), returns it when it landed
    /// (<see cref="SocketOrderAck.RecoveredFrom"/> set) and sends it again only when it did not, at most
    /// <see cref="KrakenSocketOptions.MaxOrderResends"/> times. When the look-up fails, nothing is resent and the error
    /// says the order may have landed. Refusals by the exchange are returned at once.
    /// </summary>
    public async Task<KrakenResult<SocketOrderAck>> AddOrderAsync(SocketOrderRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Validate();
        RequirePrivate();
        var clientOrderId = order.ClientOrderId ?? Guid.NewGuid().ToString("D");
        var request = Private("add_order", w =>
        {
            TradingWire.Order(w, order, clientOrderId, withSymbol: true);
            if (order.ValidateOnly)
            {
                w.WriteBoolean("validate", true);
            }
        });
        if (order.ValidateOnly || _lookup is null)
        {
            return await CallAsync(request, r => TradingWire.Placed(r, clientOrderId), cancellationToken).ConfigureAwait(false);
        }

        return await _placement.PlaceAsync(
            "add_order",
            clientOrderId,
            async (attempt, ct) =>
            {
                var placed = await CallAsync(request, r => TradingWire.Placed(r, clientOrderId), ct).ConfigureAwait(false);
                return attempt > 0 && placed.Error is { Code: var code } refused && code == ClientOrderIdTaken
                    ? new KrakenError(refused.Code, refused.Category, refused.Origin,
                        $"{refused.Message}: an earlier send of client order id {clientOrderId} landed (the look-up did not list it: it closed without a fill); it was not placed twice")
                    : placed;
            },
            async (failure, ct) =>
            {
                var found = await LookUpAsync(clientOrderId, order.Deadline, ct).ConfigureAwait(false);
                if (!found.Success)
                {
                    return found.Error;
                }

                return KrakenResult<LandedOrder<SocketOrderAck>>.Ok(found.Value.OrderId is { } id
                    ? new LandedOrder<SocketOrderAck>(KrakenResult<SocketOrderAck>.Ok(new SocketOrderAck(id, clientOrderId, order.UserReference, failure.Code)))
                    : LandedOrder<SocketOrderAck>.NotLanded);
            },
            isDefinitive: null,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Places 2 to 15 orders on one symbol at once (<c>batch_add</c>); each result is the order's id or the exchange's
    /// refusal of it. A batch is never sent twice: after an ambiguous outcome every order is looked up by its client order
    /// id, and those not found are reported as not placed (<c>Bulkhead:Not placed</c>) for the caller to send again.
    /// </summary>
    /// <param name="orders">The orders, all on the same symbol.</param>
    /// <param name="validateOnly">Validate only: nothing is placed.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    public async Task<KrakenResult<IReadOnlyList<SocketBatchOrderResult>>> BatchAddAsync(IReadOnlyList<SocketOrderRequest> orders, bool validateOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count is < 2 or > 15)
        {
            throw new ArgumentException("A batch holds 2 to 15 orders.", nameof(orders));
        }

        foreach (var order in orders)
        {
            order.Validate();
        }

        var symbol = orders[0].Symbol;
        if (orders.Any(o => o.Symbol != symbol))
        {
            throw new ArgumentException("Every order of a batch is on the same symbol.", nameof(orders));
        }

        RequirePrivate();
        var ids = orders.Select(o => o.ClientOrderId ?? Guid.NewGuid().ToString("D")).ToList();
        var request = Private("batch_add", w =>
        {
            w.WriteString("symbol", symbol);
            w.WriteStartArray("orders");
            for (var i = 0; i < orders.Count; i++)
            {
                w.WriteStartObject();
                TradingWire.Order(w, orders[i], ids[i], withSymbol: false);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (validateOnly)
            {
                w.WriteBoolean("validate", true);
            }
        });
        var answer = await CallAsync(request, r => TradingWire.Batch(r, ids), cancellationToken).ConfigureAwait(false);
        if (answer.Success || validateOnly || _lookup is null || answer.Error is not { IsTransient: true, Origin: not KrakenErrorOrigin.Local } ambiguous)
        {
            return answer;
        }

        var deadline = orders.Select(o => o.Deadline).Max();
        var results = new List<SocketBatchOrderResult>();
        for (var i = 0; i < orders.Count; i++)
        {
            var found = await LookUpAsync(ids[i], i == 0 ? deadline : null, cancellationToken).ConfigureAwait(false);
            if (!found.Success)
            {
                return new KrakenError(ambiguous.Code, ambiguous.Category, ambiguous.Origin,
                    $"{ambiguous.Message}; the batch may have landed: looking up its orders failed ({found.Error.Code}); look them up before placing them again");
            }

            results.Add(found.Value.OrderId is { } id
                ? new SocketBatchOrderResult(id, ids[i], orders[i].UserReference, null)
                : new SocketBatchOrderResult(null, ids[i], orders[i].UserReference, new KrakenError(KrakenErrors.LocalNotPlaced, KrakenErrorCategory.Transient, KrakenErrorOrigin.Local,
                    $"after {ambiguous.Code} the order was looked up by client order id {ids[i]} and not found: it was not placed and not sent again")));
        }

        return KrakenResult<IReadOnlyList<SocketBatchOrderResult>>.Ok(results);
    }

    /// <summary>Changes a resting order in place (<c>amend_order</c>): ids kept, queue priority kept where possible.</summary>
    public Task<KrakenResult<SocketAmendAck>> AmendOrderAsync(SocketAmendRequest amend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(amend);
        amend.Validate();
        RequirePrivate();
        return CallAsync(
            Private("amend_order", w =>
            {
                if (amend.OrderId is { } id)
                {
                    w.WriteString("order_id", id);
                }
                else
                {
                    w.WriteString("cl_ord_id", amend.ClientOrderId);
                }

                if (amend.Quantity is { } quantity)
                {
                    w.WriteNumber("order_qty", quantity);
                }

                if (amend.LimitPrice is { } price)
                {
                    w.WriteNumber("limit_price", price);
                }
            }),
            TradingWire.Amended,
            cancellationToken);
    }

    /// <summary>Replaces a resting Spot order (<c>edit_order</c>): the replacement has a new id and loses queue priority.</summary>
    public Task<KrakenResult<SocketEditAck>> EditOrderAsync(SocketEditRequest edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        edit.Validate();
        RequirePrivate();
        return CallAsync(
            Private("edit_order", w =>
            {
                w.WriteString("order_id", edit.OrderId);
                w.WriteString("symbol", edit.Symbol);
                if (edit.Quantity is { } quantity)
                {
                    w.WriteNumber("order_qty", quantity);
                }

                if (edit.LimitPrice is { } price)
                {
                    w.WriteNumber("limit_price", price);
                }

                if (edit.UserReference is { } reference)
                {
                    w.WriteNumber("order_userref", reference);
                }
            }),
            TradingWire.Edited,
            cancellationToken);
    }

    /// <summary>Arms, re-arms or (with <see cref="TimeSpan.Zero"/>) disarms the dead man's switch (<c>cancel_all_orders_after</c>).</summary>
    /// <param name="timeout">Zero, or whole seconds up to 86,400.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    public Task<KrakenResult<Spot.Models.DeadManSwitch>> CancelAllOrdersAfterAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (timeout < TimeSpan.Zero || timeout > TimeSpan.FromDays(1) || timeout.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout is zero (off) or whole seconds up to one day.");
        }

        RequirePrivate();
        return CallAsync(Private("cancel_all_orders_after", w => w.WriteNumber("timeout", (long)timeout.TotalSeconds)), TradingWire.DeadManSwitch, cancellationToken);
    }

    /// <summary>Sets a derivatives contract's leverage preference (<c>set_preference</c>, Unified): a fixed maximum leverage, or null for cross margin.</summary>
    public Task<KrakenResult<LeveragePreference>> SetLeveragePreferenceAsync(string symbol, decimal? maxLeverage, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        RequirePrivate();
        return CallAsync(
            Private("set_preference", w =>
            {
                w.WriteStartObject("leverage_mode");
                w.WriteString("symbol", symbol);
                if (maxLeverage is { } leverage)
                {
                    w.WriteNumber("max_leverage", leverage);
                }
                else
                {
                    w.WriteNull("max_leverage");
                }

                w.WriteEndObject();
            }),
            TradingWire.Preference,
            cancellationToken);
    }

    private SocketRequest Private(string method, Action<System.Text.Json.Utf8JsonWriter>? parameters, Func<IReadOnlyList<SocketResponse>, bool>? complete = null) =>
        new(method, parameters, IsPrivate: true, SocketDialect.CarriesAssetClass(_endpoint.Protocol, method), method, complete);

    private void RequirePrivate()
    {
        if (!_endpoint.IsPrivate)
        {
            throw new InvalidOperationException($"Trading needs the private endpoint; this client is connected to {_endpoint.Url}.");
        }
    }

    /// <summary>Waits out the lookup delay's remainder past the order's deadline, then looks the order up.</summary>
    private async Task<KrakenResult<OrderLookupResult>> LookUpAsync(string clientOrderId, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        if (deadline is { } until && until - _time.GetUtcNow() is { } left && left > TimeSpan.Zero)
        {
            await Task.Delay(left, _time, cancellationToken).ConfigureAwait(false);
        }

        return await _lookup!.FindAsync(clientOrderId, cancellationToken).ConfigureAwait(false);
    }
}
