using System.Net;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Market;

public sealed class FuturesMarketDataTests
{
    [Fact]
    public async Task Tickers_AfterSteps_BookTapeAndMarks()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(60);
        var (status, json) = await sandbox.GetAsync("/derivatives/api/v3/tickers");
        status.ShouldBe(HttpStatusCode.OK);
        var xbt = json.GetProperty("tickers").EnumerateArray().Single(t => t.GetProperty("symbol").GetString() == "PF_XBTUSD");
        var bid = xbt.GetProperty("bid").GetDecimal();
        var ask = xbt.GetProperty("ask").GetDecimal();
        var mark = xbt.GetProperty("markPrice").GetDecimal();
        var index = xbt.GetProperty("indexPrice").GetDecimal();
        bid.ShouldBeLessThan(ask);
        mark.ShouldBe(sandbox.Exchange.MarkPrices.Mark("PF_XBTUSD"));
        index.ShouldBe(sandbox.Market.Prices.OnTick(Sandbox.Market.MarketInstrument.All.Single(i => i.Symbol == "PF_XBTUSD")));
        Math.Abs(mark - index).ShouldBeLessThanOrEqualTo(index * 0.005m);
        index.ShouldNotBe(90_000m);
        xbt.GetProperty("vol24h").GetDecimal().ShouldBeGreaterThan(0m);
        xbt.GetProperty("last").GetDecimal().ShouldBeGreaterThan(0m);
        xbt.GetProperty("openInterest").GetDecimal().ShouldBeGreaterThan(0m);
        xbt.GetProperty("fundingRate").GetDecimal().ShouldBe(0m);
        xbt.GetProperty("bidSize").GetDecimal().ShouldBeGreaterThan(0m);

        var typed = (await sandbox.FuturesClient().GetTickersAsync(TestContext.Current.CancellationToken)).GetValueOrThrow();
        typed.Single(t => t.Symbol == "PF_ETHUSD").Ask.ShouldNotBeNull();
    }

    [Fact]
    public async Task OrderBook_AfterSteps_SortedNotCrossed_TypedClientParses()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(10);
        var (status, json) = await sandbox.GetAsync("/derivatives/api/v3/orderbook?symbol=PF_ETHUSD");
        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("result").GetString().ShouldBe("success");
        var bids = json.GetProperty("orderBook").GetProperty("bids").EnumerateArray().Select(l => l[0].GetDecimal()).ToList();
        var asks = json.GetProperty("orderBook").GetProperty("asks").EnumerateArray().Select(l => l[0].GetDecimal()).ToList();
        bids.Count.ShouldBeGreaterThanOrEqualTo(5);
        asks.Count.ShouldBeGreaterThanOrEqualTo(5);
        bids.ShouldBe(bids.OrderDescending());
        asks.ShouldBe(asks.Order());
        bids[0].ShouldBeLessThan(asks[0]);
        var typed = (await sandbox.FuturesClient().GetOrderBookAsync("PF_ETHUSD", TestContext.Current.CancellationToken)).GetValueOrThrow();
        typed.Bids.Count.ShouldBe(bids.Count);
    }

    [Fact]
    public async Task History_AfterSteps_NewestFirstAndLastTimePages()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(60);
        var (_, json) = await sandbox.GetAsync("/derivatives/api/v3/history?symbol=PF_XBTUSD");
        var history = json.GetProperty("history").EnumerateArray().ToList();
        history.ShouldNotBeEmpty();
        var ids = history.Select(h => h.GetProperty("trade_id").GetInt64()).ToList();
        ids.ShouldBe(ids.OrderDescending());
        history.ShouldAllBe(h => h.GetProperty("type").GetString() == "fill");
        history.Select(h => h.GetProperty("side").GetString()).Distinct().Count().ShouldBe(2);
        Guid.TryParse(history[0].GetProperty("uid").GetString(), out _).ShouldBeTrue();

        var oldest = history[^1].GetProperty("time").GetString()!;
        var (_, page) = await sandbox.GetAsync("/derivatives/api/v3/history?symbol=PF_XBTUSD&lastTime=" + Uri.EscapeDataString(oldest));
        page.GetProperty("history").EnumerateArray().ShouldAllBe(h => string.CompareOrdinal(h.GetProperty("time").GetString(), oldest) <= 0);
    }

    [Theory]
    [InlineData("trade", "1m")]
    [InlineData("mark", "5m")]
    [InlineData("spot", "1h")]
    public async Task Charts_AfterSteps_AlignedCandles(string tickType, string resolution)
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(180);
        var (status, json) = await sandbox.GetAsync($"/api/charts/v1/{tickType}/PF_XBTUSD/{resolution}");
        status.ShouldBe(HttpStatusCode.OK);
        var candles = json.GetProperty("candles").EnumerateArray().ToList();
        candles.ShouldNotBeEmpty();
        json.GetProperty("more_candles").GetBoolean().ShouldBeFalse();
        var seconds = resolution switch { "1m" => 60, "5m" => 300, _ => 3600 };
        candles.ShouldAllBe(c => c.GetProperty("time").GetInt64() % (seconds * 1000L) == 0);
        foreach (var c in candles)
        {
            var low = decimal.Parse(c.GetProperty("low").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var high = decimal.Parse(c.GetProperty("high").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            low.ShouldBeLessThanOrEqualTo(high);
        }

        if (tickType != "trade")
        {
            candles.ShouldAllBe(c => c.GetProperty("volume").GetString() == "0");
        }
    }

    [Fact]
    public async Task Charts_FromAndCount_PagesFromTheStart()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(300);
        var from = sandbox.Time.GetUtcNow().AddMinutes(-4).ToUnixTimeSeconds();
        var (_, json) = await sandbox.GetAsync($"/api/charts/v1/trade/PF_XBTUSD/1m?from={from}&count=2");
        var candles = json.GetProperty("candles").EnumerateArray().ToList();
        candles.Count.ShouldBe(2);
        candles[0].GetProperty("time").GetInt64().ShouldBeGreaterThanOrEqualTo(from * 1000);
        json.GetProperty("more_candles").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("/derivatives/api/v3/orderbook", HttpStatusCode.BadRequest, KrakenErrors.FuturesRequiredArgumentMissing)]
    [InlineData("/derivatives/api/v3/orderbook?symbol=PF_NOPE", HttpStatusCode.NotFound, KrakenErrors.FuturesContractNotFound)]
    [InlineData("/derivatives/api/v3/orderbook?symbol=PF_XBTUSD&symbol=PF_ETHUSD", HttpStatusCode.BadRequest, "invalidArgument: symbol")]
    [InlineData("/derivatives/api/v3/history", HttpStatusCode.BadRequest, KrakenErrors.FuturesRequiredArgumentMissing)]
    [InlineData("/derivatives/api/v3/history?symbol=PF_XBTUSD&lastTime=yesterday", HttpStatusCode.BadRequest, "invalidArgument: lastTime")]
    [InlineData("/derivatives/api/v3/history?symbol=PF_XBTUSD&lastTime=99999999999999999999999", HttpStatusCode.BadRequest, "invalidArgument: lastTime")]
    [InlineData("/api/charts/v1/trade/PF_XBTUSD/2m", HttpStatusCode.BadRequest, "invalidArgument: resolution")]
    [InlineData("/api/charts/v1/candle/PF_XBTUSD/1m", HttpStatusCode.BadRequest, "invalidArgument: tick_type")]
    [InlineData("/api/charts/v1/trade/PF_NOPE/1m", HttpStatusCode.NotFound, KrakenErrors.FuturesContractNotFound)]
    [InlineData("/api/charts/v1/trade/PF_XBTUSD/1m?from=-1", HttpStatusCode.BadRequest, "invalidArgument: from")]
    [InlineData("/api/charts/v1/trade/PF_XBTUSD/1m?to=99999999999999", HttpStatusCode.BadRequest, "invalidArgument: to")]
    [InlineData("/api/charts/v1/trade/PF_XBTUSD/1m?count=0", HttpStatusCode.BadRequest, "invalidArgument: count")]
    [InlineData("/api/charts/v1/trade/PF_XBTUSD/1m?count=x", HttpStatusCode.BadRequest, "invalidArgument: count")]
    public async Task MarketData_BadArgument_FuturesErrorEnvelope(string path, HttpStatusCode expected, string error)
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        var (status, json) = await sandbox.GetAsync(path);
        status.ShouldBe(expected);
        json.GetProperty("result").GetString().ShouldBe("error");
        json.GetProperty("error").GetString().ShouldBe(error);
        json.GetProperty("serverTime").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Market_AfterSteps_ConservedAcrossEveryAccount()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(60);
        var users = sandbox.Exchange.TotalsByAsset();
        var external = sandbox.Exchange.NetExternalFlows();
        foreach (var asset in users.Keys.Union(external.Keys))
        {
            (users.GetValueOrDefault(asset) - external.GetValueOrDefault(asset)).ShouldBe(0m, asset);
        }

        sandbox.Exchange.UnbalancedMovements().ShouldBeEmpty();
        sandbox.Exchange.Positions("@market").ShouldNotBeEmpty();
    }
}
