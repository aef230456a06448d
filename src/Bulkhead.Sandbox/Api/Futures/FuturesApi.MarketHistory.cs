using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Futures;

/// <summary>
/// The history API's public market executions, <c>GET /api/history/v2|v3/market/{symbol}/executions</c> (ccxt
/// krakenfutures' default <c>fetchTrades</c>): public trades as <c>elements[].event.Execution.execution</c> with the
/// taker's and a synthetic maker's order, newest first unless <c>sort=asc</c>; <c>since</c>/<c>before</c> in Unix ms,
/// <c>count</c> 1–1000 (default 1000), <c>continuation_token</c> from the previous page. No authentication needed.
/// </summary>
public static partial class FuturesApi
{
    private const int MaxExecutions = 1000;

    private static void MapMarketHistory(IEndpointRouteBuilder routes)
    {
        foreach (var version in (ReadOnlySpan<string>)["v2", "v3"])
        {
            routes.MapGet($"/api/history/{version}/market/{{symbol}}/executions", (HttpContext context, string symbol) =>
                PublicAsync(context, time => Executions(context, time, symbol)));
        }
    }

    private static IResult Executions(HttpContext context, TimeProvider time, string symbol)
    {
        if (InstrumentCatalog.Find(symbol) is not { } instrument)
        {
            return FuturesWire.Error(time, KrakenErrors.FuturesContractNotFound, StatusCodes.Status404NotFound);
        }

        DateTimeOffset? since = null, before = null;
        foreach (var (name, target) in new[] { ("since", 0), ("before", 1) })
        {
            if (Single(context, name, out var text) is { } repeated)
            {
                return BadArgument(time, repeated);
            }

            if (!string.IsNullOrEmpty(text))
            {
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > 253_402_300_799_999L)
                {
                    return BadArgument(time, name);
                }

                var at = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                if (target == 0)
                {
                    since = at;
                }
                else
                {
                    before = at;
                }
            }
        }

        if (Single(context, "sort", out var sort) is { } repeatedSort || sort is not (null or "" or "asc" or "desc"))
        {
            return BadArgument(time, "sort");
        }

        var count = MaxExecutions;
        if (Single(context, "count", out var countText) is { } repeatedCount
            || (!string.IsNullOrEmpty(countText) && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxExecutions)))
        {
            return BadArgument(time, "count");
        }

        if (Single(context, "continuation_token", out var token) is { } repeatedToken || (!string.IsNullOrEmpty(token) && ContinuationId(token) is null))
        {
            return BadArgument(time, "continuation_token");
        }

        var ascending = sort == "asc";
        IEnumerable<PublicTrade> trades = MarketOf(context).Tape.Between(instrument.Symbol, since, before);
        trades = ascending ? trades : trades.Reverse();
        if (!string.IsNullOrEmpty(token))
        {
            var after = ContinuationId(token)!.Value;
            trades = trades.Where(t => ascending ? t.Id > after : t.Id < after);
        }

        var page = trades.Take(count + 1).ToList();
        var more = page.Count > count;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        var elements = new JsonArray([.. page.Select(t => (JsonNode)Execution(instrument.Symbol, t))]);
        var body = new JsonObject { ["elements"] = elements, ["len"] = page.Count };
        if (more)
        {
            body["continuationToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Id.ToString(CultureInfo.InvariantCulture)));
        }

        return FuturesWire.Json(body);
    }

    private static JsonObject Execution(string symbol, PublicTrade t)
    {
        var ms = t.Time.ToUnixTimeMilliseconds();
        var quantity = FuturesWire.Decimal(t.Volume);
        var price = FuturesWire.Decimal(t.Price);
        JsonObject Order(string role, bool buy, string type) => new()
        {
            ["uid"] = TradeUid(symbol + ":" + role, t.Id),
            ["tradeable"] = symbol,
            ["direction"] = buy ? "Buy" : "Sell",
            ["quantity"] = quantity,
            ["timestamp"] = ms,
            ["limitPrice"] = price,
            ["orderType"] = type,
            ["reduceOnly"] = false,
            ["lastUpdateTimestamp"] = ms,
        };

        return new JsonObject
        {
            ["uid"] = TradeUid(symbol + ":element", t.Id),
            ["timestamp"] = ms,
            ["event"] = new JsonObject
            {
                ["Execution"] = new JsonObject
                {
                    ["execution"] = new JsonObject
                    {
                        ["uid"] = TradeUid(symbol, t.Id),
                        ["makerOrder"] = Order("maker", !t.TakerBuys, "Limit"),
                        ["takerOrder"] = Order("taker", t.TakerBuys, t.TakerMarket ? "Market" : "Limit"),
                        ["timestamp"] = ms,
                        ["quantity"] = quantity,
                        ["price"] = price,
                        ["limitFilled"] = false,
                        ["usdValue"] = FuturesWire.Decimal(decimal.Round(t.Price * t.Volume, 2)),
                    },
                    ["takerReducedQuantity"] = string.Empty,
                },
            },
        };
    }

    private static long? ContinuationId(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
