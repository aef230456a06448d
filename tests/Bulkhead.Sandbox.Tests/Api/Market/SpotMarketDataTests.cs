using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Market;

public sealed class SpotMarketDataTests
{
    private static decimal D(JsonElement e) => decimal.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Depth_AfterSteps_BothSidesSortedNotCrossedOnTheTick()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(30);
        var result = await sandbox.SpotAsync("Depth?pair=XBTUSD&count=5");
        var book = result.GetProperty("XXBTZUSD");
        var bids = book.GetProperty("bids").EnumerateArray().Select(l => D(l[0])).ToList();
        var asks = book.GetProperty("asks").EnumerateArray().Select(l => D(l[0])).ToList();
        bids.Count.ShouldBe(5);
        asks.Count.ShouldBe(5);
        bids.ShouldBe(bids.OrderDescending());
        asks.ShouldBe(asks.Order());
        bids[0].ShouldBeLessThan(asks[0]);
        book.GetProperty("bids")[0][0].GetString()!.Split('.')[1].Length.ShouldBe(1); // pair_decimals of XBTUSD
        book.GetProperty("bids")[0][2].GetInt64().ShouldBe(sandbox.Time.GetUtcNow().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task TickerTradesOhlc_AfterSteps_ConsistentWithEachOther()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        var start = await sandbox.SpotAsync("Ticker?pair=XBTUSD");
        sandbox.Step(120);

        var trades = (await sandbox.SpotAsync("Trades?pair=XXBTZUSD")).GetProperty("XXBTZUSD").EnumerateArray().ToList();
        var ticker = (await sandbox.SpotAsync("Ticker?pair=XBTUSD")).GetProperty("XXBTZUSD");
        var depth = (await sandbox.SpotAsync("Depth?pair=XBTUSD&count=1")).GetProperty("XXBTZUSD");
        var ohlc = await sandbox.SpotAsync("OHLC?pair=XBTUSD&interval=1");

        trades.Count.ShouldBeGreaterThan(10);
        ticker.GetProperty("t")[1].GetInt32().ShouldBe(trades.Count);
        D(ticker.GetProperty("v")[1]).ShouldBe(trades.Sum(t => D(t[1])));
        D(ticker.GetProperty("c")[0]).ShouldBe(D(trades[^1][0]));
        D(ticker.GetProperty("h")[1]).ShouldBe(trades.Max(t => D(t[0])));
        D(ticker.GetProperty("l")[1]).ShouldBe(trades.Min(t => D(t[0])));
        D(ticker.GetProperty("o")).ShouldBe(D(trades[0][0]));
        D(ticker.GetProperty("a")[0]).ShouldBe(D(depth.GetProperty("asks")[0][0]));
        D(ticker.GetProperty("b")[0]).ShouldBe(D(depth.GetProperty("bids")[0][0]));
        D(ticker.GetProperty("b")[0]).ShouldNotBe(D(start.GetProperty("XXBTZUSD").GetProperty("b")[0]));

        var candles = ohlc.GetProperty("XXBTZUSD").EnumerateArray().ToList();
        candles.Sum(c => c[7].GetInt32()).ShouldBe(trades.Count);
        candles.Sum(c => D(c[6])).ShouldBe(trades.Sum(t => D(t[1])));
        D(candles[^1][4]).ShouldBe(D(trades[^1][0]));
        candles.Max(c => D(c[2])).ShouldBe(trades.Max(t => D(t[0])));
        candles.Select(c => c[0].GetInt64()).ShouldAllBe(t => t % 60 == 0);
        ohlc.GetProperty("last").GetInt64().ShouldBe(candles[^1][0].GetInt64() - 60);

        var sides = trades.Select(t => t[3].GetString()).Distinct().Order().ToList();
        sides.ShouldBe(["b", "s"]);
        trades.Select(t => t[6].GetInt64()).ShouldBe(Enumerable.Range(1, trades.Count).Select(i => (long)i));
    }

    [Fact]
    public async Task Trades_SinceLast_ReturnsOnlyNewerTrades()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(20);
        var first = await sandbox.SpotAsync("Trades?pair=XBTUSD");
        var last = first.GetProperty("last").GetString()!;
        (await sandbox.SpotAsync("Trades?pair=XBTUSD&since=" + last)).GetProperty("XXBTZUSD").GetArrayLength().ShouldBe(0);
        sandbox.Step(20);
        var next = (await sandbox.SpotAsync("Trades?pair=XBTUSD&since=" + last)).GetProperty("XXBTZUSD").EnumerateArray().ToList();
        next.ShouldNotBeEmpty();
        next[0][6].GetInt64().ShouldBe(first.GetProperty("XXBTZUSD").GetArrayLength() + 1);
        (await sandbox.SpotAsync("Trades?pair=XBTUSD&count=2")).GetProperty("XXBTZUSD").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Ticker_AllPairsWithoutParameter_KeyedByAssetPairsId()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(5);
        var result = await sandbox.SpotAsync("Ticker");
        result.EnumerateObject().Select(p => p.Name).ShouldBe(["XXBTZUSD", "XXBTZEUR", "XETHZUSD", "XETHXXBT", "USDTZUSD"]);
        (await sandbox.SpotAsync("Ticker?pair=XBTUSD,ETH/USD")).EnumerateObject().Select(p => p.Name).ShouldBe(["XXBTZUSD", "XETHZUSD"]);
    }

    [Fact]
    public async Task Ohlc_NegativeSinceAsCcxtSendsForALimit_FromTheStart()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(130);
        var all = await sandbox.SpotAsync("OHLC?pair=XBTUSD&interval=1");
        var negative = await sandbox.SpotAsync("OHLC?pair=XBTUSD&interval=1&since=-60");
        negative.GetProperty("XXBTZUSD").GetArrayLength().ShouldBe(all.GetProperty("XXBTZUSD").GetArrayLength());
    }

    [Fact]
    public async Task Spread_AfterSteps_TopOfBookSamples()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(10);
        var result = await sandbox.SpotAsync("Spread?pair=ETHUSD");
        var samples = result.GetProperty("XETHZUSD").EnumerateArray().ToList();
        samples.ShouldNotBeEmpty();
        samples.ShouldAllBe(s => D(s[1]) < D(s[2]));
        result.GetProperty("last").GetInt64().ShouldBe(samples[^1][0].GetInt64());
    }

    [Fact]
    public async Task TypedClient_MarketData_Parses()
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        sandbox.Step(30);
        var client = sandbox.SpotClient();
        var ct = TestContext.Current.CancellationToken;
        var ticker = (await client.GetTickerAsync("XBTUSD", ct)).GetValueOrThrow();
        var book = (await client.GetOrderBookAsync("XBTUSD", 10, ct)).GetValueOrThrow();
        var trades = (await client.GetRecentTradesAsync("XBTUSD", cancellationToken: ct)).GetValueOrThrow();
        var candles = (await client.GetOhlcAsync("XBTUSD", TimeSpan.FromMinutes(1), cancellationToken: ct)).GetValueOrThrow();
        book.Bids.Count.ShouldBe(10);
        trades.Trades.ShouldNotBeEmpty();
        candles.Candles.ShouldNotBeEmpty();
        ticker.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("Depth", KrakenErrors.InvalidArguments + ":pair")]
    [InlineData("Depth?pair=NOPE", KrakenErrors.UnknownAssetPair)]
    [InlineData("Depth?pair=XBTUSD,ETHUSD", KrakenErrors.InvalidArguments + ":pair")]
    [InlineData("Depth?pair=XBTUSD&count=0", KrakenErrors.InvalidArguments + ":count")]
    [InlineData("Depth?pair=XBTUSD&count=501", KrakenErrors.InvalidArguments + ":count")]
    [InlineData("Depth?pair=XBTUSD&count=abc", KrakenErrors.InvalidArguments + ":count")]
    [InlineData("Depth?pair=XBTUSD&count=99999999999999999999", KrakenErrors.InvalidArguments + ":count")]
    [InlineData("Trades?pair=XBTUSD&since=--5", KrakenErrors.InvalidArguments + ":since")]
    [InlineData("Trades?pair=XBTUSD&since=abc", KrakenErrors.InvalidArguments + ":since")]
    [InlineData("Trades?pair=XBTUSD&since=1e9", KrakenErrors.InvalidArguments + ":since")]
    [InlineData("Trades?pair=XBTUSD&since=999999999999999999999999999", KrakenErrors.InvalidArguments + ":since")]
    [InlineData("Trades?pair=XBTUSD&count=1001", KrakenErrors.InvalidArguments + ":count")]
    [InlineData("OHLC?pair=XBTUSD&interval=2", KrakenErrors.InvalidArguments + ":interval")]
    [InlineData("OHLC?pair=XBTUSD&interval=-1", KrakenErrors.InvalidArguments + ":interval")]
    [InlineData("OHLC?pair=XBTUSD&since=x", KrakenErrors.InvalidArguments + ":since")]
    [InlineData("OHLC", KrakenErrors.InvalidArguments + ":pair")]
    [InlineData("Spread?pair=NOPE", KrakenErrors.UnknownAssetPair)]
    [InlineData("Spread?pair=XBTUSD&since=1.2.3", KrakenErrors.InvalidArguments + ":since")]
    [InlineData("Ticker?pair=XBTUSD,NOPE", KrakenErrors.UnknownAssetPair)]
    [InlineData("Depth?pair=XBTUSD&pair=ETHUSD", KrakenErrors.InvalidArguments)]
    public async Task MarketData_BadParameter_KrakenErrorEnvelope(string query, string error)
    {
        await using var sandbox = await MarketSandbox.StartAsync();
        await sandbox.SpotFailsAsync(query, error);
    }

    [Fact]
    public async Task MarketData_MarketOff_EmptyBooksButValidAnswers()
    {
        await using var sandbox = await MarketSandbox.StartAsync(enabled: false);
        var book = (await sandbox.SpotAsync("Depth?pair=XBTUSD")).GetProperty("XXBTZUSD");
        book.GetProperty("bids").GetArrayLength().ShouldBe(0);
        (await sandbox.SpotAsync("Trades?pair=XBTUSD")).GetProperty("last").GetString().ShouldBe("0");
        (await sandbox.SpotAsync("OHLC?pair=XBTUSD")).GetProperty("XXBTZUSD").GetArrayLength().ShouldBe(0);
        D((await sandbox.SpotAsync("Ticker?pair=XBTUSD")).GetProperty("XXBTZUSD").GetProperty("c")[0]).ShouldBe(0m);
        sandbox.Exchange.Balances("@market", Bulkhead.Sandbox.Ledger.Wallet.Spot).ShouldBeEmpty();
    }
}
