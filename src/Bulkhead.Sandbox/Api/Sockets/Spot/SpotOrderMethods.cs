using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// <c>add_order</c> and <c>batch_add</c> on the Spot private endpoint: read by <see cref="SpotSocketOrderFields"/>, placed
/// by <see cref="SandboxExchange.PlaceOrder"/> exactly as REST AddOrder/AddOrderBatch place them (same validation, funds,
/// fees, self-trade prevention and per-pair trading counter).
/// </summary>
internal static class SpotOrderMethods
{
    private const int MinBatch = 2;
    private const int MaxBatch = 15;
    private static readonly string[] BatchFields = ["symbol", "orders", "validate", "deadline", "token"];

    /// <summary><c>add_order</c> → <c>{order_id, cl_ord_id?, order_userref?}</c>; with <c>validate</c> nothing is placed and there is no <c>order_id</c> (as REST has no <c>txid</c>).</summary>
    public static void AddOrder(SocketCall call)
    {
        if (!Begin(call, SpotSocketOrderFields.AddOrder, "AddOrder", out var account, out var validate))
        {
            return;
        }

        var (request, pair, error) = SpotSocketOrderFields.Parse(account, call.Params, SpotSocketOrderFields.Text(call.Params, "symbol"), validate, call.Hub.Time);
        if (request is null)
        {
            call.Fail(error!);
            return;
        }

        var placed = call.Hub.Exchange.PlaceOrder(request);
        if (!placed.Success)
        {
            call.Fail(SpotSocketOrderFields.Error(placed.Rejection.Value, placed.Detail, pair));
            return;
        }

        var order = placed.Value.Order;
        call.Ok(w => WritePlaced(w, order, request.ValidateOnly));
    }

    /// <summary>
    /// <c>batch_add</c>: 2 to 15 orders on one <c>symbol</c>. Like REST AddOrderBatch, every order is read first (one bad
    /// order refuses the batch, nothing placed), then each is placed; one the exchange refuses carries its <c>error</c>.
    /// </summary>
    public static void BatchAdd(SocketCall call)
    {
        if (!Begin(call, BatchFields, "AddOrderBatch", out var account, out var validate))
        {
            return;
        }

        if (!call.Params.TryGetProperty("orders", out var orders) || orders.ValueKind != JsonValueKind.Array
            || orders.GetArrayLength() is < MinBatch or > MaxBatch)
        {
            call.Fail(KrakenErrors.InvalidArguments + ":orders");
            return;
        }

        var symbol = SpotSocketOrderFields.Text(call.Params, "symbol");
        var requests = new List<(SandboxOrderRequest Request, SandboxPair Pair)>(orders.GetArrayLength());
        foreach (var order in orders.EnumerateArray())
        {
            if (order.ValueKind != JsonValueKind.Object)
            {
                call.Fail(KrakenErrors.InvalidArguments + ":orders");
                return;
            }

            if (SpotSocketOrderFields.Unsupported(order, SpotSocketOrderFields.BatchOrder) is { } unsupported)
            {
                call.Fail(SocketErrors.UnsupportedField(unsupported));
                return;
            }

            var (request, pair, error) = SpotSocketOrderFields.Parse(account, order, symbol, validate, call.Hub.Time);
            if (request is null)
            {
                call.Fail(error!);
                return;
            }

            requests.Add((request, pair!));
        }

        var results = new List<(SandboxOrderRequest Request, SandboxOrder? Order, string? Error)>(requests.Count);
        foreach (var (request, pair) in requests)
        {
            var placed = call.Hub.Exchange.PlaceOrder(request);
            results.Add(placed.Success
                ? (request, placed.Value.Order, null)
                : (request, null, SpotSocketOrderFields.Error(placed.Rejection.Value, placed.Detail, pair)));
        }

        call.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var (request, order, error) in results)
            {
                if (order is not null)
                {
                    WritePlaced(w, order, request.ValidateOnly);
                    continue;
                }

                w.WriteStartObject();
                w.WriteString("error", error);
                if (request.ClientOrderId is { } clientId)
                {
                    w.WriteString("cl_ord_id", clientId);
                }

                if (request.UserRef is { } userref)
                {
                    w.WriteNumber("order_userref", userref);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>
    /// The opening checks both methods make: <c>params</c> and the token (with the permission of REST
    /// <paramref name="restMethod"/>), <c>validate</c> (a boolean, default false) and <c>deadline</c>; false after answering.
    /// </summary>
    private static bool Begin(SocketCall call, ReadOnlySpan<string> fields, string restMethod, out string account, out bool validate)
    {
        validate = false;
        if (!call.CheckParams(fields) || !SocketParams.Authorized(call, restMethod, out account))
        {
            account = string.Empty;
            return false;
        }

        validate = call.Bool("validate", false, out var ok);
        if (!ok)
        {
            call.Fail(KrakenErrors.InvalidArguments + ":validate");
            return false;
        }

        if (SpotSocketOrderFields.Deadline(call.Params, call.Hub.Time) is { } late)
        {
            call.Fail(late);
            return false;
        }

        return true;
    }

    private static void WritePlaced(Utf8JsonWriter w, SandboxOrder order, bool validateOnly)
    {
        w.WriteStartObject();
        if (!validateOnly)
        {
            w.WriteString("order_id", order.Id);
        }

        if (order.ClientOrderId is { } clientId)
        {
            w.WriteString("cl_ord_id", clientId);
        }

        if (order.UserRef is { } userref)
        {
            w.WriteNumber("order_userref", userref);
        }

        w.WriteEndObject();
    }
}
