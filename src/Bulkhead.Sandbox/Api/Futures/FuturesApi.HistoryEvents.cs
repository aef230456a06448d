using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using Microsoft.AspNetCore.Http;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    /// <summary>
    /// <c>GET /api/history/v2|v3/orders</c>: per Futures order an <c>OrderPlaced</c> element when it was accepted, and one
    /// for how it ended (<c>OrderUpdated</c> on a full fill, <c>OrderCancelled</c>, <c>OrderRejected</c> for a post-only or
    /// IOC order that could not execute). Filters <c>since</c>/<c>before</c> (ms), <c>tradeable</c>, <c>sort</c> (default
    /// desc), <c>count</c>; everything fits one page (no <c>continuationToken</c>).
    /// </summary>
    private static IResult HistoryOrders(FuturesCall call, int count)
    {
        var account = call.Account;
        var orders = call.Exchange.OpenOrders(account.Name, TradingVenue.Futures).Concat(call.Exchange.ClosedOrders(account.Name, TradingVenue.Futures));
        var elements = new List<(DateTimeOffset Time, long Order, JsonObject Element)>();
        foreach (var order in orders)
        {
            var rejected = order.Reason is CancelReasons.PostOnly || (order.Reason is CancelReasons.ImmediateOrCancel && order.Executed == 0m);
            if (!rejected)
            {
                elements.Add((order.OpenedAt, order.EngineId * 2, Element(order.Id + "/placed", order.OpenedAt, "OrderPlaced", HistoricalOrder(call, order, 0m, order.OpenedAt), "new_placed_order_by_user")));
            }

            if (order.IsOpen)
            {
                continue;
            }

            var closed = order.ClosedAt ?? order.OpenedAt;
            var (kind, reason) = order switch
            {
                _ when rejected => ("OrderRejected", order.Reason == CancelReasons.PostOnly ? "POST_WOULD_EXECUTE" : "IOC_WOULD_NOT_EXECUTE"),
                _ when order.Executed >= order.Volume => ("OrderUpdated", "full_fill"),
                { Reason: CancelReasons.DeadMansSwitch } => ("OrderCancelled", "dead_man_switch"),
                { Reason: SandboxExchange.LiquidationReason } => ("OrderCancelled", "liquidation"),
                { Reason: CancelReasons.ImmediateOrCancel or CancelReasons.NoLiquidity } => ("OrderCancelled", "ioc_order_failed_because_of_no_liquidity"),
                _ => ("OrderCancelled", "cancelled_by_user"),
            };
            elements.Add((closed, (order.EngineId * 2) + 1, Element(order.Id + "/closed", closed, kind, HistoricalOrder(call, order, order.Executed, closed), reason)));
        }

        return HistoryPage(call, count, elements);
    }

    /// <summary>
    /// <c>GET /api/history/v2|v3/executions</c>: one element per fill of the account,
    /// <c>event.Execution.execution</c> with <c>makerOrder</c>/<c>takerOrder</c> (the account's side only; the other side's
    /// order belongs to another account and is left out), <c>quantity</c>, <c>price</c>, <c>markPrice</c>, <c>usdValue</c>.
    /// </summary>
    private static IResult HistoryExecutions(FuturesCall call, int count)
    {
        var account = call.Account.Name;
        var elements = new List<(DateTimeOffset Time, long Order, JsonObject Element)>();
        foreach (var trade in call.Exchange.Trades(account, TradingVenue.Futures))
        {
            if (call.Exchange.FindOrder(account, trade.OrderId) is not { } order)
            {
                continue;
            }

            var execution = new JsonObject
            {
                ["uid"] = FuturesOrderWire.FillUid(trade),
                [trade.IsMaker ? "makerOrder" : "takerOrder"] = HistoricalOrder(call, order, order.Executed, trade.Time),
                ["timestamp"] = trade.Time.ToUnixTimeMilliseconds(),
                ["quantity"] = FuturesWire.Decimal(trade.Volume),
                ["price"] = FuturesWire.Decimal(trade.Price),
                ["markPrice"] = FuturesWire.Decimal(call.Exchange.MarkPrices.Mark(trade.Symbol)),
                ["limitFilled"] = order.Executed >= order.Volume,
                ["usdValue"] = FuturesWire.Decimal(trade.Cost),
            };
            var element = new JsonObject
            {
                ["uid"] = FuturesOrderWire.FillUid(trade),
                ["timestamp"] = trade.Time.ToUnixTimeMilliseconds(),
                ["event"] = new JsonObject { ["Execution"] = new JsonObject { ["execution"] = execution, ["takerReducedQuantity"] = string.Empty } },
            };
            elements.Add((trade.Time, trade.Sequence, element));
        }

        return HistoryPage(call, count, elements);
    }

    private static IResult HistoryPage(FuturesCall call, int count, List<(DateTimeOffset Time, long Order, JsonObject Element)> elements)
    {
        var r = call.Request;
        if (!TryMillis(r["since"], out var since) || !TryMillis(r["before"], out var before))
        {
            return FuturesWire.Error(call.Time, KrakenErrors.FuturesInvalidArgument, StatusCodes.Status400BadRequest);
        }

        var tradeable = r["tradeable"];
        var ascending = string.Equals(r["sort"], "asc", StringComparison.OrdinalIgnoreCase);
        var chosen = elements
            .Where(e => since is null || e.Time >= since)
            .Where(e => before is null || e.Time < before)
            .Where(e => tradeable is null || string.Equals(Tradeable(e.Element), tradeable, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.Time).ThenBy(e => e.Order).ToList();
        if (!ascending)
        {
            chosen.Reverse();
        }

        var page = chosen.Take(count).Select(e => (JsonNode)e.Element).ToList();
        return FuturesWire.Json(new JsonObject
        {
            ["accountUid"] = call.Account.FuturesUid.ToString(),
            ["len"] = page.Count,
            ["serverTime"] = FuturesWire.Time(call.Time.GetUtcNow()),
            ["elements"] = new JsonArray([.. page]),
        });
    }

    private static string? Tradeable(JsonObject element) =>
        element["event"]?.AsObject().Select(p => p.Value).OfType<JsonObject>().Select(v => (v["order"] ?? v["execution"]?["makerOrder"] ?? v["execution"]?["takerOrder"])?["tradeable"]?.GetValue<string>()).FirstOrDefault();

    private static JsonObject Element(string key, DateTimeOffset time, string kind, JsonObject order, string reason) => new()
    {
        ["uid"] = FuturesOrderWire.OrderUid(key),
        ["timestamp"] = time.ToUnixTimeMilliseconds(),
        ["event"] = new JsonObject { [kind] = new JsonObject { ["order"] = order, ["reason"] = reason } },
    };

    /// <summary>A <c>HistoricalOrder</c>: decimals as strings, times as ms.</summary>
    private static JsonObject HistoricalOrder(FuturesCall call, SandboxOrder order, decimal filled, DateTimeOffset updated) => new()
    {
        ["uid"] = FuturesOrderWire.OrderUid(order.Id),
        ["accountUid"] = call.Account.FuturesUid.ToString(),
        ["tradeable"] = order.Symbol,
        ["direction"] = order.Side == Side.Buy ? "Buy" : "Sell",
        ["quantity"] = FuturesWire.Decimal(order.Volume),
        ["filled"] = FuturesWire.Decimal(filled),
        ["timestamp"] = order.OpenedAt.ToUnixTimeMilliseconds(),
        ["limitPrice"] = order.Price is { } price ? FuturesWire.Decimal(price) : null,
        ["orderType"] = FuturesOrderWire.Type(order) switch
        {
            "post" => "Post",
            "ioc" => "IoC",
            "liquidation" => "Liquidation",
            _ => "Limit",
        },
        ["clientId"] = order.ClientOrderId ?? string.Empty,
        ["reduceOnly"] = order.ReduceOnly,
        ["lastUpdateTimestamp"] = updated.ToUnixTimeMilliseconds(),
        ["spotData"] = null,
    };
}
