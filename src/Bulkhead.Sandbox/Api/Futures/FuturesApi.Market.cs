using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Assets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    private static void MapMarket(RouteGroupBuilder v3)
    {
        v3.MapGet("instruments", Handler(context => PublicAsync(context, time =>
            FuturesWire.Success(time, new JsonObject { ["instruments"] = new JsonArray([.. InstrumentCatalog.All.Select(Instrument)]) }))));

        v3.MapGet("instruments/status", Handler(context => PublicAsync(context, time =>
            FuturesWire.Success(time, new JsonObject { ["instrumentStatus"] = new JsonArray([.. InstrumentCatalog.All.Select(InstrumentStatus)]) }))));

        v3.MapGet("instruments/{symbol}/status", (HttpContext context, string symbol) => PublicAsync(context, time =>
            InstrumentCatalog.Find(symbol) is { } instrument
                ? FuturesWire.Success(time, InstrumentStatus(instrument).AsObject())
                : FuturesWire.Error(time, KrakenErrors.FuturesContractNotFound, StatusCodes.Status404NotFound)));

        v3.MapGet("tickers", Handler(context => PublicAsync(context, time =>
            FuturesWire.Success(time, new JsonObject { ["tickers"] = new JsonArray([.. InstrumentCatalog.All.Select(i => Ticker(i, time))]) }))));

        v3.MapGet("tickers/{symbol}", (HttpContext context, string symbol) => PublicAsync(context, time =>
            InstrumentCatalog.Find(symbol) is { } instrument
                ? FuturesWire.Success(time, new JsonObject { ["ticker"] = Ticker(instrument, time) })
                : FuturesWire.Error(time, KrakenErrors.FuturesContractNotFound, StatusCodes.Status404NotFound)));
    }

    /// <summary>One instrument with every field ccxt and Kraken.Net read; no <c>lastTradingTime</c>, so clients see a perpetual (swap).</summary>
    private static JsonNode Instrument(FuturesInstrumentSpec i) => new JsonObject
    {
        ["symbol"] = i.Symbol,
        ["type"] = "flexible_futures",
        ["tradeable"] = true,
        ["tradfi"] = false,
        ["pair"] = i.Pair,
        ["base"] = i.Base,
        ["quote"] = i.Quote,
        ["underlying"] = $"rr_{i.Base.ToLowerInvariant()}{i.Quote.ToLowerInvariant()}",
        ["tickSize"] = FuturesWire.Number(i.TickSize),
        ["contractSize"] = 1,
        ["contractValueTradePrecision"] = i.QuantityDecimals,
        ["impactMidSize"] = FuturesWire.Number(i.ImpactMidSize),
        ["maxPositionSize"] = FuturesWire.Number(i.MaxPositionSize),
        ["openingDate"] = FuturesWire.Time(InstrumentCatalog.OpeningDate),
        ["marginLevels"] = Levels(InstrumentCatalog.ClassALevels),
        ["retailMarginLevels"] = Levels(InstrumentCatalog.RetailLevels),
        ["fundingRateCoefficient"] = 8,
        ["maxRelativeFundingRate"] = FuturesWire.Number(0.25m),
        ["isin"] = null,
        ["postOnly"] = false,
        ["category"] = "Layer 1",
        ["tags"] = new JsonArray(),
        ["mtf"] = false,
    };

    private static JsonArray Levels(IReadOnlyList<MarginLevel> levels) => new([.. levels.Select(l => (JsonNode)new JsonObject
    {
        ["numNonContractUnits"] = FuturesWire.Number(l.NotionalFrom),
        ["initialMargin"] = FuturesWire.Number(l.InitialMargin),
        ["maintenanceMargin"] = FuturesWire.Number(l.MaintenanceMargin),
    })]);

    private static JsonNode InstrumentStatus(FuturesInstrumentSpec i) => new JsonObject
    {
        ["tradeable"] = i.Symbol,
        ["experiencingDislocation"] = false,
        ["priceDislocationDirection"] = null,
        ["experiencingExtremeVolatility"] = false,
        ["extremeVolatilityInitialMarginMultiplier"] = 1,
    };

    /// <summary>A basic ticker at the indicative mark price (part 2 fills bid/ask/last from the book).</summary>
    private static JsonObject Ticker(FuturesInstrumentSpec i, TimeProvider time)
    {
        var mark = FuturesWire.Number(i.MarkPrice);
        return new JsonObject
        {
            ["tag"] = "perpetual",
            ["pair"] = i.Pair,
            ["symbol"] = i.Symbol,
            ["markPrice"] = mark,
            ["indexPrice"] = mark.DeepClone(),
            ["last"] = mark.DeepClone(),
            ["lastTime"] = FuturesWire.Time(time.GetUtcNow()),
            ["lastSize"] = 0,
            ["bid"] = mark.DeepClone(),
            ["bidSize"] = 0,
            ["ask"] = mark.DeepClone(),
            ["askSize"] = 0,
            ["vol24h"] = 0,
            ["volumeQuote"] = 0,
            ["openInterest"] = 0,
            ["open24h"] = mark.DeepClone(),
            ["high24h"] = mark.DeepClone(),
            ["low24h"] = mark.DeepClone(),
            ["change24h"] = 0,
            ["fundingRate"] = 0,
            ["fundingRatePrediction"] = 0,
            ["suspended"] = false,
            ["postOnly"] = false,
        };
    }
}
