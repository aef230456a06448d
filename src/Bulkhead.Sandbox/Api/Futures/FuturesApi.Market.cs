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
        {
            var market = MarketOf(context);
            return FuturesWire.Success(time, new JsonObject { ["tickers"] = new JsonArray([.. InstrumentCatalog.All.Select(i => Ticker(i, market, time))]) });
        })));

        v3.MapGet("tickers/{symbol}", (HttpContext context, string symbol) => PublicAsync(context, time =>
            InstrumentCatalog.Find(symbol) is { } instrument
                ? FuturesWire.Success(time, new JsonObject { ["ticker"] = Ticker(instrument, MarketOf(context), time) })
                : FuturesWire.Error(time, KrakenErrors.FuturesContractNotFound, StatusCodes.Status404NotFound)));

        v3.MapGet("orderbook", Handler(context => PublicAsync(context, time => OrderBook(context, time))));
        v3.MapGet("history", Handler(context => PublicAsync(context, time => History(context, time))));
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
        ["fundingRateCoefficient"] = InstrumentCatalog.FundingRateCoefficient,
        ["maxRelativeFundingRate"] = FuturesWire.Number(InstrumentCatalog.MaxRelativeFundingRate),
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
}
