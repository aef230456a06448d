using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Internal;
using Bulkhead.Kraken.Futures.Rest.Wire;
using Bulkhead.Kraken.Transport;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Futures.Rest;

public sealed partial class FuturesRestClient
{
    private const int MaxClientOrderIdLength = 100;

    /// <summary>The account's resting orders (<c>GET /openorders</c>).</summary>
    internal Task<KrakenResult<IReadOnlyList<FuturesOpenOrder>>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<FuturesOpenOrder>>(HttpMethod.Get, "openorders", "openOrders", null, authenticated: true, cancellationToken);

    /// <summary>The last 100 fills, or the 100 before <paramref name="lastFillTime"/> (<c>GET /fills</c>; costs 25 instead of 2 with a time).</summary>
    internal Task<KrakenResult<IReadOnlyList<FuturesFill>>> GetFillsAsync(DateTimeOffset? lastFillTime = null, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<FuturesFill>>(HttpMethod.Get, "fills", "fills", lastFillTime is { } t ? [new("lastFillTime", Wire(t))] : null, authenticated: true, cancellationToken);

    /// <summary>
    /// Orders open or finished within the last few seconds, by Kraken id and/or client order id (<c>POST /orders/status</c>,
    /// ids as repeated keys: <c>orderIds=a&amp;orderIds=b</c>). Safe to repeat, so retried on transient failures.
    /// </summary>
    internal Task<KrakenResult<IReadOnlyList<FuturesOrderStatus>>> GetOrderStatusAsync(IEnumerable<string>? orderIds, IEnumerable<string>? clientOrderIds, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        parameters.AddRange((orderIds ?? []).Select(id => new KeyValuePair<string, string>("orderIds", id)));
        parameters.AddRange((clientOrderIds ?? []).Select(id => new KeyValuePair<string, string>("cliOrdIds", id)));
        if (parameters.Count == 0)
        {
            throw new ArgumentException("Pass at least one order id or client order id.", nameof(orderIds));
        }

        return ReadAsync<IReadOnlyList<FuturesOrderStatus>>(HttpMethod.Post, "orders/status", "orders", parameters, authenticated: true, cancellationToken);
    }

    /// <summary>
    /// Places an order (<c>POST /sendorder</c>). A client order id is generated when none is given. The request is sent
    /// once; after a transient failure the client checks by client order id (<c>orders/status</c>, then <c>openorders</c>)
    /// whether it landed, returns its ack if so, and otherwise resends with a fresh nonce, at most
    /// <see cref="Transport.KrakenClientOptions.MaxRetries"/> times. Authentication, lockout, local and invalid-input failures are
    /// never resent; when the check itself fails nothing is resent. A refusal (<c>sendStatus.status</c> such as
    /// <c>insufficientAvailableFunds</c>) is a failure whose code is that status.
    /// </summary>
    public async Task<KrakenResult<VenueOrderAck>> SendOrderAsync(FuturesOrderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var clientOrderId = request.ClientOrderId ?? NewClientOrderId();
        var parameters = OrderParameters(request, clientOrderId);
        // A sendStatus refusal (marketSuspended, insufficientAvailableFunds, …) is Kraken's answer about this order: final.
        var answered = false;
        return await _placement.PlaceAsync("sendorder", clientOrderId, SendOnceAsync, (_, ct) => FindLandedAsync(clientOrderId, request.Size, ct), _ => answered, cancellationToken).ConfigureAwait(false);

        async Task<KrakenResult<VenueOrderAck>> SendOnceAsync(int attempt, CancellationToken ct)
        {
            var answer = await CallAsync(HttpMethod.Post, "sendorder", parameters, authenticated: true, ct).ConfigureAwait(false);
            answered = answer.Success;
            if (!answer.Success)
            {
                return answer.Error;
            }

            var sent = ReadSendStatus(answer.Value, request, clientOrderId, _time.GetUtcNow());
            if (!sent.Success && attempt > 0 && sent.Error.Code == KrakenErrors.FuturesOrderClientOrderIdAlreadyExist)
            {
                // An earlier attempt landed after the check: its id is taken, so find it and report it.
                var earlier = await FindLandedAsync(clientOrderId, request.Size, ct).ConfigureAwait(false);
                if (earlier.Success && earlier.Value.Outcome is { } outcome)
                {
                    return outcome;
                }
            }

            return sent;
        }
    }

    /// <summary>Changes a resting order (<c>POST /editorder</c>). Never resent automatically. A refusal is a failure whose code is <c>editStatus.status</c>.</summary>
    internal async Task<KrakenResult<FuturesEditStatus>> EditOrderAsync(FuturesEditRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new List<KeyValuePair<string, string>> { OrderName(request.OrderId, request.ClientOrderId, "orderId") };
        AddIf(parameters, "size", request.Size);
        AddIf(parameters, "limitPrice", request.LimitPrice);
        AddIf(parameters, "stopPrice", request.StopPrice);
        var status = await ReadAsync<FuturesEditStatus>(HttpMethod.Post, "editorder", "editStatus", parameters, authenticated: true, cancellationToken).ConfigureAwait(false);
        return !status.Success || status.Value.Status == "edited" ? status : KrakenErrors.OrderRejected(status.Value.Status, RejectReason(status.Value.OrderEvents));
    }

    /// <summary>Cancels one order, named by exactly one of its ids (<c>POST /cancelorder</c>). <c>notFound</c> and <c>filled</c> are failures.</summary>
    internal async Task<KrakenResult<FuturesCancelStatus>> CancelOrderAsync(string? orderId = null, string? clientOrderId = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>> { OrderName(orderId, clientOrderId, "order_id") };
        var status = await ReadAsync<FuturesCancelStatus>(HttpMethod.Post, "cancelorder", "cancelStatus", parameters, authenticated: true, cancellationToken).ConfigureAwait(false);
        return !status.Success || status.Value.Status == "cancelled" ? status : KrakenErrors.OrderRejected(status.Value.Status);
    }

    /// <summary>Cancels every open order, or those on <paramref name="symbol"/> (<c>POST /cancelallorders</c>). Idempotent, so retried.</summary>
    internal async Task<KrakenResult<FuturesCancelStatus>> CancelAllOrdersAsync(string? symbol = null, CancellationToken cancellationToken = default)
    {
        var status = await ReadAsync<FuturesCancelStatus>(HttpMethod.Post, "cancelallorders", "cancelStatus", symbol is null ? null : [new("symbol", symbol)], authenticated: true, cancellationToken).ConfigureAwait(false);
        return !status.Success || status.Value.Status is "cancelled" or "noOrdersToCancel" ? status : KrakenErrors.OrderRejected(status.Value.Status);
    }

    /// <summary>
    /// The dead man's switch (<c>POST /cancelallordersafter</c>): cancels every open order after <paramref name="timeoutSeconds"/>
    /// unless called again; 0 disarms it. Kraken suggests calling every 15–20 s with 60.
    /// </summary>
    public async Task<KrakenResult<DeadMansSwitchState>> CancelAllOrdersAfterAsync(int timeoutSeconds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timeoutSeconds);
        var answer = await CallAsync(HttpMethod.Post, "cancelallordersafter", [new("timeout", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))], authenticated: true, cancellationToken).ConfigureAwait(false);
        if (!answer.Success)
        {
            return answer.Error;
        }

        if (!answer.Value.TryGetProperty("status", out var status) || !IsObject(status)
            || !status.TryGetProperty("currentTime", out var current) || FuturesJson.Timestamp(current) is not { } now)
        {
            return Unexpected("cancelallordersafter", "no 'status.currentTime'");
        }

        var trigger = status.TryGetProperty("triggerTime", out var t) ? FuturesJson.Timestamp(t) : null;
        return KrakenResult<DeadMansSwitchState>.Ok(new DeadMansSwitchState(now, trigger));
    }

    private static KrakenResult<VenueOrderAck> ReadSendStatus(JsonElement root, FuturesOrderRequest request, string clientOrderId, DateTimeOffset now)
    {
        var read = FuturesJson.Read<FuturesSendStatus>(root, "sendStatus");
        if (!read.Success)
        {
            return read.Error;
        }

        var sent = read.Value;
        if (sent.Status is not ("placed" or "partiallyFilled" or "filled" or "cancelled"))
        {
            return KrakenErrors.OrderRejected(sent.Status, RejectReason(sent.OrderEvents));
        }

        if (sent.OrderId is not { Length: > 0 } orderId)
        {
            return Unexpected("sendorder", $"status '{sent.Status}' without 'order_id'");
        }

        var ids = sent.ClientOrderId ?? clientOrderId;
        var fills = (sent.OrderEvents ?? [])
            .Where(e => e.Type == "EXECUTION" && e.Amount is > 0 && e.Price is not null)
            .Select(e => new VenueFill(e.ExecutionId ?? orderId, orderId, ids, request.Symbol, request.Side, e.Amount!.Value, e.Price!.Value, sent.ReceivedTime ?? now, null, null))
            .ToList();
        var filled = fills.Sum(f => f.Quantity);
        var status = sent.Status switch
        {
            "filled" => VenueOrderStatus.Filled,
            "partiallyFilled" => VenueOrderStatus.PartiallyFilled,
            "cancelled" => VenueOrderStatus.Cancelled,
            _ when filled >= request.Size => VenueOrderStatus.Filled,
            _ when filled > 0 => VenueOrderStatus.PartiallyFilled,
            _ => VenueOrderStatus.Placed,
        };
        return KrakenResult<VenueOrderAck>.Ok(new VenueOrderAck(orderId, ids, status, fills));
    }

    /// <summary>Looks an order up by client order id. Outcome null: it did not land.</summary>
    private async Task<KrakenResult<LandedOrder<VenueOrderAck>>> FindLandedAsync(string clientOrderId, decimal size, CancellationToken cancellationToken)
    {
        var recent = await GetOrderStatusAsync(null, [clientOrderId], cancellationToken).ConfigureAwait(false);
        if (!recent.Success)
        {
            return recent.Error;
        }

        if (recent.Value.FirstOrDefault(o => o.Order.ClientOrderId == clientOrderId) is { } entry)
        {
            var orderId = entry.Order.OrderId ?? string.Empty;
            var filled = entry.Order.Filled ?? 0;
            KrakenResult<VenueOrderAck> outcome = entry.Status switch
            {
                "REJECTED" or "TRIGGER_ACTIVATION_FAILURE" => KrakenErrors.OrderRejected(entry.Error ?? entry.Status, entry.UpdateReason),
                "FULLY_EXECUTED" => Ack(orderId, VenueOrderStatus.Filled),
                "CANCELLED" => Ack(orderId, VenueOrderStatus.Cancelled),
                _ when filled >= size && size > 0 => Ack(orderId, VenueOrderStatus.Filled),
                _ when filled > 0 => Ack(orderId, VenueOrderStatus.PartiallyFilled),
                _ => Ack(orderId, VenueOrderStatus.Placed),
            };
            return KrakenResult<LandedOrder<VenueOrderAck>>.Ok(new LandedOrder<VenueOrderAck>(outcome));
        }

        // orders/status only remembers finished orders for a few seconds; a resting order is also in openorders.
        var open = await GetOpenOrdersAsync(cancellationToken).ConfigureAwait(false);
        if (!open.Success)
        {
            return open.Error;
        }

        return open.Value.FirstOrDefault(o => o.ClientOrderId == clientOrderId) is { } resting
            ? KrakenResult<LandedOrder<VenueOrderAck>>.Ok(new LandedOrder<VenueOrderAck>(Ack(resting.OrderId, resting.FilledSize > 0 ? VenueOrderStatus.PartiallyFilled : VenueOrderStatus.Placed)))
            : KrakenResult<LandedOrder<VenueOrderAck>>.Ok(LandedOrder<VenueOrderAck>.NotLanded);

        KrakenResult<VenueOrderAck> Ack(string orderId, VenueOrderStatus status) =>
            KrakenResult<VenueOrderAck>.Ok(new VenueOrderAck(orderId, clientOrderId, status, []));
    }

    private string NewClientOrderId() => "bh-" + Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");

    private static void Validate(FuturesOrderRequest request)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.Symbol, nameof(request));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Size, nameof(request));
        if (request.ClientOrderId is { } id && (id.Length == 0 || id.Length > MaxClientOrderIdLength))
        {
            throw new ArgumentException($"ClientOrderId must be 1 to {MaxClientOrderIdLength} characters.", nameof(request));
        }

        var needsLimit = request.OrderType is FuturesOrderType.Limit or FuturesOrderType.PostOnly or FuturesOrderType.ImmediateOrCancel or FuturesOrderType.FillOrKill;
        if (needsLimit && request.LimitPrice is null)
        {
            throw new ArgumentException($"A {request.OrderType} order needs a LimitPrice.", nameof(request));
        }

        if (request.OrderType is FuturesOrderType.Stop or FuturesOrderType.TakeProfit && request.StopPrice is null)
        {
            throw new ArgumentException($"A {request.OrderType} order needs a StopPrice.", nameof(request));
        }
    }

    private static List<KeyValuePair<string, string>> OrderParameters(FuturesOrderRequest request, string clientOrderId)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("orderType", request.OrderType switch
            {
                FuturesOrderType.Limit => "lmt",
                FuturesOrderType.PostOnly => "post",
                FuturesOrderType.Market => "mkt",
                FuturesOrderType.ImmediateOrCancel => "ioc",
                FuturesOrderType.FillOrKill => "fok",
                FuturesOrderType.Stop => "stp",
                FuturesOrderType.TakeProfit => "take_profit",
                _ => throw new ArgumentOutOfRangeException(nameof(request), request.OrderType, "Unknown order type."),
            }),
            new("symbol", request.Symbol),
            new("side", Wire(request.Side)),
            new("size", Wire(request.Size)),
        };
        AddIf(parameters, "limitPrice", request.LimitPrice);
        AddIf(parameters, "stopPrice", request.StopPrice);
        if (request.ReduceOnly)
        {
            parameters.Add(new("reduceOnly", "true"));
        }

        parameters.Add(new("cliOrdId", clientOrderId));
        return parameters;
    }

    private static KeyValuePair<string, string> OrderName(string? orderId, string? clientOrderId, string orderIdName) =>
        (orderId, clientOrderId) switch
        {
            ({ Length: > 0 } id, null) => new(orderIdName, id),
            (null, { Length: > 0 } cid) => new("cliOrdId", cid),
            _ => throw new ArgumentException("Name the order by exactly one of orderId and clientOrderId."),
        };

    private static void AddIf(List<KeyValuePair<string, string>> parameters, string name, decimal? value)
    {
        if (value is { } v)
        {
            parameters.Add(new(name, Wire(v)));
        }
    }

    private static string? RejectReason(IReadOnlyList<FuturesOrderEvent>? events) =>
        events?.FirstOrDefault(e => e.Type == "REJECT")?.Reason;

}
