using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets.Internal;
using Bulkhead.Kraken.Sockets.Trading;

namespace Bulkhead.Kraken.Sockets;

public sealed partial class KrakenSocketClient
{
    /// <summary>
    /// Cancels orders by their ids (<c>cancel_order</c> with <c>order_id[]</c>). Kraken answers one frame per order (the
    /// sandbox's reading of an UNCONFIRMED shape); the result lists the ids cancelled and those it did not know.
    /// </summary>
    public Task<KrakenResult<SocketCancelResult>> CancelOrdersAsync(IReadOnlyList<string> orderIds, CancellationToken cancellationToken = default) =>
        CancelAsync("order_id", orderIds, cancellationToken);

    /// <summary>Cancels orders by their client order ids (<c>cancel_order</c> with <c>cl_ord_id[]</c>).</summary>
    public Task<KrakenResult<SocketCancelResult>> CancelOrdersByClientOrderIdAsync(IReadOnlyList<string> clientOrderIds, CancellationToken cancellationToken = default) =>
        CancelAsync("cl_ord_id", clientOrderIds, cancellationToken);

    /// <summary>Cancels every open order of the account (<c>cancel_all</c>; on Unified, its derivatives orders); returns how many.</summary>
    public Task<KrakenResult<int>> CancelAllAsync(CancellationToken cancellationToken = default)
    {
        RequirePrivate();
        return CallAsync(Private("cancel_all", null), TradingWire.Count, cancellationToken);
    }

    /// <summary>Cancels 2 to 50 orders named by id and/or client order id (<c>batch_cancel</c>); returns how many were cancelled.</summary>
    public Task<KrakenResult<int>> BatchCancelAsync(IReadOnlyList<string>? orderIds, IReadOnlyList<string>? clientOrderIds = null, CancellationToken cancellationToken = default)
    {
        var ids = orderIds ?? [];
        var clientIds = clientOrderIds ?? [];
        if (ids.Count + clientIds.Count is < 2 or > 50 || ids.Concat(clientIds).Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A batch cancel names 2 to 50 non-empty ids in all.");
        }

        RequirePrivate();
        return CallAsync(
            Private("batch_cancel", w =>
            {
                if (ids.Count > 0)
                {
                    Strings(w, "orders", ids);
                }

                if (clientIds.Count > 0)
                {
                    Strings(w, "cl_ord_id", clientIds);
                }
            }),
            TradingWire.Count,
            cancellationToken);
    }

    private async Task<KrakenResult<SocketCancelResult>> CancelAsync(string field, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0 || wanted.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one order, with non-empty ids.", nameof(ids));
        }

        RequirePrivate();

        // Whole once every id has its frame (or as many frames came as ids were named, for a server that echoes another
        // field), or at the first refusal of the request itself (a failure naming no id).
        bool Complete(IReadOnlyList<SocketResponse> frames) =>
            frames.Any(f => !f.Success && Echoed(f, field) is null)
            || frames.Count >= wanted.Count
            || wanted.All(id => frames.Any(f => Echoed(f, field) == id));

        var answer = await RequestAsync(Private("cancel_order", w => Strings(w, field, wanted), Complete), cancellationToken).ConfigureAwait(false);
        if (!answer.Success)
        {
            return answer.Error;
        }

        if (answer.Value.FirstOrDefault(f => !f.Success && Echoed(f, field) is null) is { } refused)
        {
            return refused.ToError();
        }

        return KrakenResult<SocketCancelResult>.Ok(new SocketCancelResult(
            [.. answer.Value.Where(f => f.Success).Select(f => Echoed(f, field)).OfType<string>()],
            [.. answer.Value.Where(f => !f.Success).Select(f => Echoed(f, field)).OfType<string>()]));
    }

    private static string? Echoed(SocketResponse frame, string field) =>
        frame.Result is { ValueKind: JsonValueKind.Object } result ? WireRead.OptionalText(result, field) : null;

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
