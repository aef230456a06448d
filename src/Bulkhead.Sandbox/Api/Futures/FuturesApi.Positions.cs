using System.Globalization;
using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Microsoft.AspNetCore.Http;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    /// <summary><c>openpositions</c>: the account's non-flat positions, average entry as <c>price</c>, unsigned <c>size</c> with <c>side</c>.</summary>
    private static IResult OpenPositions(FuturesCall call) => FuturesWire.Success(call.Time, new JsonObject
    {
        ["openPositions"] = new JsonArray([.. call.Exchange.Positions(call.Account.Name)
            .Select(p => (JsonNode)FuturesOrderWire.Position(p, call.Exchange.MarkPrices.Mark(p.Symbol), call.Exchange.UnrealisedFunding(p)))]),
    });

    /// <summary><c>openorders</c>: resting Futures orders, newest first.</summary>
    private static IResult OpenOrders(FuturesCall call) => FuturesWire.Success(call.Time, new JsonObject
    {
        ["openOrders"] = new JsonArray([.. call.Exchange.OpenOrders(call.Account.Name, TradingVenue.Futures)
            .OrderByDescending(o => o.OpenedAt).ThenByDescending(o => o.EngineId)
            .Select(o => (JsonNode)FuturesOrderWire.OpenOrder(o, FuturesOrderWire.LastUpdate(o, call.Exchange.TradesOfOrder(o.Id))))]),
    });

    /// <summary><c>fills</c>: the last 100 fills, newest first, or the 100 before <c>lastFillTime</c>.</summary>
    private static IResult Fills(FuturesCall call)
    {
        DateTimeOffset? before = null;
        if (call.Request["lastFillTime"] is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return FuturesWire.Error(call.Time, $"{KrakenErrors.FuturesInvalidArgument}: lastFillTime");
            }

            before = parsed;
        }

        var fills = call.Exchange.Trades(call.Account.Name, TradingVenue.Futures)
            .Where(t => before is null || t.Time < before).Take(100)
            .Select(t => (JsonNode)FuturesOrderWire.Fill(t, call.Exchange.FindOrder(call.Account.Name, t.OrderId)));
        return FuturesWire.Success(call.Time, new JsonObject { ["fills"] = new JsonArray([.. fills]) });
    }
}
