using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Assets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    /// <summary>
    /// Funding history: <c>/derivatives/api/v4/historicalfundingrates</c> (what ccxt, Kraken.Net and PKS call) and the v3
    /// spellings <c>historicalfundingrates</c> and <c>historical-funding-rates</c> (the spec's), one answer.
    /// </summary>
    private static void MapFunding(IEndpointRouteBuilder routes)
    {
        foreach (var path in new[] { "/derivatives/api/v4/historicalfundingrates", "/derivatives/api/v3/historicalfundingrates", "/derivatives/api/v3/historical-funding-rates" })
        {
            routes.MapGet(path, Handler(context => PublicAsync(context, time => FundingRates(context, time))));
        }
    }

    /// <summary><c>{rates:[{timestamp, fundingRate, relativeFundingRate}], result, serverTime}</c>, oldest first; an unknown symbol is a 400.</summary>
    private static IResult FundingRates(HttpContext context, TimeProvider time)
    {
        if (Single(context, "symbol", out var symbol) is { } repeated)
        {
            return BadArgument(time, repeated);
        }

        if (string.IsNullOrEmpty(symbol))
        {
            return FuturesWire.Error(time, KrakenErrors.FuturesRequiredArgumentMissing, StatusCodes.Status400BadRequest);
        }

        if (InstrumentCatalog.Find(symbol) is not { } instrument)
        {
            return FuturesWire.Error(time, KrakenErrors.FuturesContractNotFound, StatusCodes.Status400BadRequest);
        }

        var rates = context.RequestServices.GetRequiredService<SandboxExchange>().FundingHistory(instrument.Symbol);
        return FuturesWire.Success(time, new JsonObject
        {
            ["rates"] = new JsonArray([.. rates.Select(r => (JsonNode)new JsonObject
            {
                ["timestamp"] = FuturesWire.Time(r.Time),
                ["fundingRate"] = FuturesWire.Number(r.Absolute),
                ["relativeFundingRate"] = FuturesWire.Number(r.Relative),
            })]),
        });
    }
}
