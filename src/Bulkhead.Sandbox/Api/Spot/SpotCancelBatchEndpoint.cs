using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>
/// <c>CancelOrderBatch</c> (ccxt <c>kraken.cancelOrders</c> sends it as a JSON body): <c>orders</c>, an array of up to
/// 50 ids — txids, userrefs (numbers or digit strings) or client order ids — and/or <c>cl_ord_ids</c>, an array of
/// client order ids; every matching open Spot order is cancelled in one transaction → <c>{count}</c>.
/// Nothing matched → <c>EOrder:Unknown order</c>, as CancelOrder answers.
/// </summary>
internal static class SpotCancelBatchEndpoint
{
    /// <summary>The most ids one batch cancel may name.</summary>
    public const int MaxIds = 50;

    public static SpotAnswer CancelOrderBatch(SpotCall call)
    {
        var ids = ReadIds(call.Parameters["orders"]);
        var clientIds = ReadIds(call.Parameters["cl_ord_ids"]);
        if (ids is null || clientIds is null || ids.Count + clientIds.Count is 0 or > MaxIds)
        {
            return KrakenErrors.InvalidArguments + ":orders";
        }

        var cancelled = call.Exchange.CancelOrders(call.Account.Name, Matching(ids, clientIds));
        if (!cancelled.Success)
        {
            return SpotOrderWire.Error(cancelled.Rejection.Value, cancelled.Detail, null);
        }

        if (cancelled.Value.Count == 0)
        {
            return KrakenErrors.UnknownOrder;
        }

        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("count", cancelled.Value.Count);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// The open Spot orders a batch cancel names: <paramref name="ids"/> are txids, userrefs (digit strings) or client order
    /// ids, <paramref name="clientIds"/> client order ids (also the WebSocket <c>batch_cancel</c>).
    /// </summary>
    public static Func<SandboxOrder, bool> Matching(IReadOnlyCollection<string> ids, IReadOnlyCollection<string> clientIds)
    {
        var userrefs = ids.Select(id => long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var u) ? u : (long?)null)
            .OfType<long>().ToHashSet();
        var names = ids.Concat(clientIds).ToHashSet(StringComparer.Ordinal);
        return o => o.Venue == TradingVenue.Spot
            && (names.Contains(o.Id) || (o.ClientOrderId is { } c && names.Contains(c)) || (o.UserRef is { } r && userrefs.Contains(r)));
    }

    /// <summary>A JSON array of strings/numbers (or one plain id, or a comma list, as form bodies carry it); empty when absent; null when malformed.</summary>
    private static List<string>? ReadIds(string? text)
    {
        if (text is null)
        {
            return [];
        }

        if (!text.StartsWith('['))
        {
            return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
            var ids = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.String:
                        ids.Add(element.GetString()!);
                        break;
                    case JsonValueKind.Number:
                        ids.Add(element.GetRawText());
                        break;
                    default:
                        return null;
                }
            }

            return ids;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
