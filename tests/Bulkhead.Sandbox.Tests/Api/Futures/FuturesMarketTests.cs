using Shouldly;
using Xunit;
using System.Net;
using System.Text.Json;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

public sealed class FuturesMarketTests
{
    [Fact]
    public async Task GetInstruments_Client_ReadsPerpetualsWithPrecision()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();

        var instruments = (await sandbox.PublicClient().GetInstrumentsAsync(TestContext.Current.CancellationToken)).GetValueOrThrow();

        instruments.Select(i => i.Symbol).ShouldBe(["PF_XBTUSD", "PF_ETHUSD"]);
        var xbt = instruments[0];
        xbt.Type.ShouldBe("flexible_futures");
        xbt.Tradeable.ShouldBeTrue();
        xbt.TickSize.ShouldBe(1m);
        xbt.QuantityDecimals.ShouldBe(4);
        xbt.LastTradingTime.ShouldBeNull();
        xbt.MarginLevels!.Count.ShouldBe(6);
        xbt.MarginLevels[0].InitialMargin.ShouldBe(0.02m);
    }

    [Fact]
    public async Task Instruments_Raw_HasEveryFieldCcxtNeedsAndNoLastTradingTime()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();

        var answer = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/instruments");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Result.ShouldBe("success");
        answer.Json.GetProperty("serverTime").GetString().ShouldBe("2026-11-26T12:00:00.000Z");
        foreach (var instrument in answer.Json.GetProperty("instruments").EnumerateArray())
        {
            instrument.GetProperty("symbol").GetString()!.ShouldContain('_');
            foreach (var field in new[] { "type", "tradeable", "pair", "base", "quote", "underlying", "tickSize", "contractSize", "contractValueTradePrecision",
                "impactMidSize", "maxPositionSize", "openingDate", "marginLevels", "retailMarginLevels", "fundingRateCoefficient", "maxRelativeFundingRate",
                "postOnly", "category", "tags" })
            {
                instrument.TryGetProperty(field, out _).ShouldBeTrue(field);
            }

            instrument.TryGetProperty("lastTradingTime", out _).ShouldBeFalse();
            instrument.GetProperty("contractValueTradePrecision").ValueKind.ShouldBe(JsonValueKind.Number);
        }
    }

    [Fact]
    public async Task GetTickers_Client_MarkPriceFromAssetCatalog()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();

        var tickers = (await sandbox.PublicClient().GetTickersAsync(TestContext.Current.CancellationToken)).GetValueOrThrow();

        tickers.Single(t => t.Symbol == "PF_XBTUSD").MarkPrice.ShouldBe(90000m);
        tickers.Single(t => t.Symbol == "PF_ETHUSD").MarkPrice.ShouldBe(3000m);
    }

    [Fact]
    public async Task Ticker_UnknownSymbol_Returns404ContractNotFound()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();

        var answer = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/tickers/PF_NOPEUSD");

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Error.ShouldBe("contractNotFound");
    }

    [Theory]
    [InlineData("GET", "/derivatives/api/v3/nosuchendpoint")]
    [InlineData("POST", "/derivatives/api/v3/accounts")]
    [InlineData("GET", "/api/history/v3/nosuch")]
    public async Task UnknownEndpoint_Returns404WithFuturesErrorBody(string method, string path)
    {
        await using var sandbox = await FuturesSandbox.StartAsync();

        var answer = await sandbox.RawAsync(new HttpMethod(method), path);

        answer.Status.ShouldBe(HttpStatusCode.NotFound);
        answer.Result.ShouldBe("error");
        answer.Error.ShouldBe("notFound");
    }
}
