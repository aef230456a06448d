using System.Globalization;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Tests.Api.Market;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>The <c>ohlc</c> channel over real sockets.</summary>
public sealed class OhlcChannelTests
{
    [Fact]
    public async Task Ohlc_Trade_PublishesTheCurrentCandle()
    {
        await using var sandbox = await TickerChannelTests.StartAsync();
        sandbox.Time.Advance(TimeSpan.FromMinutes(7));   // 12:07: inside the 12:05 five-minute candle
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"ohlc","symbol":["BTC/USD"],"interval":5},"req_id":1}""");
        var ack = (await client.ResponseAsync(1)).GetProperty("result");
        ack.GetProperty("channel").GetString().ShouldBe("ohlc");
        ack.GetProperty("interval").GetInt32().ShouldBe(5);
        ack.GetProperty("symbol").GetString().ShouldBe("BTC/USD");
        var snapshot = await client.ChannelAsync("ohlc", "snapshot");
        snapshot.GetProperty("data").GetArrayLength().ShouldBe(0);
        snapshot.GetProperty("timestamp").GetString().ShouldBe("2026-01-05T12:07:00.000000Z");

        TickerChannelTests.Place(sandbox, "maker", Side.Sell, OrderKind.Limit, 0.5m, 50_000m);
        TickerChannelTests.Place(sandbox, "taker", Side.Buy, OrderKind.Market, 0.2m);
        var update = await client.ChannelAsync("ohlc", "update");

        update.GetProperty("timestamp").GetString()!.ShouldEndWith("Z");
        update.GetProperty("data")[0].GetRawText().ShouldBe(
            """{"symbol":"BTC/USD","open":50000.0,"high":50000.0,"low":50000.0,"close":50000.0,"trades":1,"volume":0.20000000,"vwap":50000.0,"interval_begin":"2026-01-05T12:05:00.000000Z","interval":5,"timestamp":"2026-01-05T12:10:00.000000Z"}""");

        TickerChannelTests.Place(sandbox, "maker", Side.Sell, OrderKind.Limit, 0.5m, 50_100m);
        TickerChannelTests.Place(sandbox, "taker", Side.Buy, OrderKind.Market, 0.5m);
        var second = (await client.ChannelAsync("ohlc", "update")).GetProperty("data")[0];
        second.GetProperty("trades").GetInt32().ShouldBe(3);
        second.GetProperty("high").GetRawText().ShouldBe("50100.0");
        second.GetProperty("close").GetRawText().ShouldBe("50100.0");
        second.GetProperty("volume").GetRawText().ShouldBe("0.70000000");
    }

    [Fact]
    public async Task Ohlc_UnifiedMarkTicks_PublishesMarkCandles()
    {
        await using var sandbox = await MarketSandbox.StartAsync(seed: 11);
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2/public");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"ohlc","asset_class":"derivatives","symbol":["PF_XBTUSD"],"interval":1,"tick_type":"mark","snapshot":false},"req_id":1}""");
        var ack = (await client.ResponseAsync(1)).GetProperty("result");
        ack.GetProperty("tick_type").GetString().ShouldBe("mark");

        sandbox.Step(3);
        var update = (await client.ChannelAsync("ohlc", "update")).GetProperty("data")[0];

        update.GetProperty("symbol").GetString().ShouldBe("PF_XBTUSD");
        update.GetProperty("interval").GetInt32().ShouldBe(1);
        var close = update.GetProperty("close").GetDecimal();
        close.ShouldBeGreaterThan(0m);
        update.GetProperty("close").GetRawText().ShouldNotContain(".");   // PF_XBTUSD ticks in whole dollars
        var begin = DateTimeOffset.Parse(update.GetProperty("interval_begin").GetString()!, CultureInfo.InvariantCulture);
        (begin.Second + begin.Millisecond).ShouldBe(0);
    }

    [Theory]
    [InlineData("/v2", """{"channel":"ohlc","symbol":["BTC/USD"],"interval":7}""", "Invalid 'params.interval'")]
    [InlineData("/v2", """{"channel":"ohlc","symbol":["BTC/USD"],"tick_type":"mark"}""", "Unsupported field: 'tick_type'")]
    [InlineData("/v2/public", """{"channel":"ohlc","asset_class":"derivatives","symbol":["PF_XBTUSD"],"tick_type":"last"}""", "Invalid 'params.tick_type'")]
    [InlineData("/v2", """{"channel":"ohlc","interval":1}""", "Invalid 'params.symbol'")]
    public async Task Ohlc_BadParams_AnswersErrorAndSubscribesNothing(string path, string parameters, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, path);

        await client.SendAsync($$"""{"method":"subscribe","params":{{parameters}},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("error").GetString().ShouldBe(error);
        var unsubscribe = path == "/v2"
            ? """{"method":"unsubscribe","params":{"channel":"ohlc","symbol":["BTC/USD"]},"req_id":2}"""
            : """{"method":"unsubscribe","params":{"channel":"ohlc","asset_class":"derivatives","symbol":["PF_XBTUSD"]},"req_id":2}""";
        await client.SendAsync(unsubscribe);

        (await client.ResponseAsync(2)).GetProperty("error").GetString().ShouldBe(SocketErrors.SubscriptionNotFound);
        client.Seen.Any(m => m.TryGetProperty("channel", out var c) && c.GetString() == "ohlc").ShouldBeFalse();
    }
}
