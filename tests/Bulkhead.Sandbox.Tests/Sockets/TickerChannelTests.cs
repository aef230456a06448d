using System.Text.Json;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>The <c>ticker</c> channel over real sockets.</summary>
public sealed class TickerChannelTests
{
    private const string Pair = "XXBTZUSD";

    [Fact]
    public async Task Ticker_Bbo_SnapshotThenUpdateOnTopOfBookChange()
    {
        await using var sandbox = await StartAsync();
        Place(sandbox, "maker", Side.Buy, OrderKind.Limit, 0.1m, 49_000m);
        Place(sandbox, "maker", Side.Sell, OrderKind.Limit, 0.2m, 51_000m);
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"],"event_trigger":"bbo"},"req_id":1}""");
        var ack = (await client.ResponseAsync(1)).GetProperty("result");
        ack.GetProperty("channel").GetString().ShouldBe("ticker");
        ack.GetProperty("event_trigger").GetString().ShouldBe("bbo");
        ack.GetProperty("snapshot").GetBoolean().ShouldBeTrue();
        var snapshot = (await client.ChannelAsync("ticker", "snapshot")).GetProperty("data")[0];
        Raw(snapshot).ShouldBe("""{"symbol":"BTC/USD","bid":49000.0,"bid_qty":0.10000000,"ask":51000.0,"ask_qty":0.20000000,"last":0.0,"volume":0.00000000,"vwap":0.0,"low":0.0,"high":0.0,"change":0.0,"change_pct":0.00}""");

        Place(sandbox, "maker", Side.Buy, OrderKind.Limit, 0.3m, 49_500m);
        var update = (await client.ChannelAsync("ticker", "update")).GetProperty("data")[0];
        update.GetProperty("bid").GetRawText().ShouldBe("49500.0");
        update.GetProperty("bid_qty").GetRawText().ShouldBe("0.30000000");

        Place(sandbox, "maker", Side.Buy, OrderKind.Limit, 0.3m, 49_400m);   // below the top: no bbo update
        Place(sandbox, "maker", Side.Sell, OrderKind.Limit, 0.4m, 50_900m);
        var next = (await client.ChannelAsync("ticker", "update")).GetProperty("data")[0];
        next.GetProperty("ask").GetRawText().ShouldBe("50900.0");
        next.GetProperty("ask_qty").GetRawText().ShouldBe("0.40000000");
    }

    [Fact]
    public async Task Ticker_Trades_UpdatesAfterTradesWith24hFigures()
    {
        await using var sandbox = await StartAsync();
        Place(sandbox, "maker", Side.Sell, OrderKind.Limit, 0.5m, 50_000m);
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"],"snapshot":false},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("result").GetProperty("event_trigger").GetString().ShouldBe("trades");

        Place(sandbox, "taker", Side.Buy, OrderKind.Market, 0.25m);
        var first = (await client.ChannelAsync("ticker", "update")).GetProperty("data")[0];
        Raw(first).ShouldBe("""{"symbol":"BTC/USD","bid":0.0,"bid_qty":0.00000000,"ask":50000.0,"ask_qty":0.25000000,"last":50000.0,"volume":0.25000000,"vwap":50000.0,"low":50000.0,"high":50000.0,"change":0.0,"change_pct":0.00}""");

        sandbox.Exchange.CancelAll("maker", TradingVenue.Spot);                 // book changes, no trade: no update
        Place(sandbox, "maker", Side.Sell, OrderKind.Limit, 0.5m, 51_000m);
        Place(sandbox, "taker", Side.Buy, OrderKind.Market, 0.25m);
        var second = (await client.ChannelAsync("ticker", "update")).GetProperty("data")[0];
        second.GetProperty("last").GetRawText().ShouldBe("51000.0");
        second.GetProperty("volume").GetRawText().ShouldBe("0.50000000");
        second.GetProperty("vwap").GetRawText().ShouldBe("50500.0");
        second.GetProperty("high").GetRawText().ShouldBe("51000.0");
        second.GetProperty("low").GetRawText().ShouldBe("50000.0");
        second.GetProperty("change").GetRawText().ShouldBe("1000.0");
        second.GetProperty("change_pct").GetRawText().ShouldBe("2.00");
    }

    [Fact]
    public async Task Ticker_Unified_AddsDerivativesFields()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2/public");

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"ticker","asset_class":"derivatives","symbol":["PF_XBTUSD"]},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("success").GetBoolean().ShouldBeTrue();
        var data = (await client.ChannelAsync("ticker", "snapshot")).GetProperty("data")[0];

        data.GetProperty("symbol").GetString().ShouldBe("PF_XBTUSD");
        string[] names = ["bid", "bid_qty", "ask", "ask_qty", "last", "volume", "vwap", "low", "high", "change", "change_pct", "mark_price", "index_price", "funding_rate", "open_interest"];
        foreach (var name in names)
        {
            data.GetProperty(name).ValueKind.ShouldBe(JsonValueKind.Number, name);
        }

        data.GetProperty("mark_price").GetDecimal().ShouldBe(sandbox.Exchange.MarkPrices.Mark("PF_XBTUSD"));
        data.GetProperty("open_interest").GetRawText().ShouldBe("0.0000");
        data.GetProperty("funding_rate").GetRawText().ShouldBe("0.00000000");
    }

    [Theory]
    [InlineData("""{"channel":"ticker","symbol":["BTC/USD"],"event_trigger":"sometimes"}""", "Invalid 'params.event_trigger'")]
    [InlineData("""{"channel":"ticker","symbol":["BTC/USD"],"depth":10}""", "Unsupported field: 'depth'")]
    [InlineData("""{"channel":"ticker","symbol":[]}""", "Invalid 'params.symbol'")]
    public async Task Ticker_BadParams_AnswersErrorAndSubscribesNothing(string parameters, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        await client.SendAsync($$"""{"method":"subscribe","params":{{parameters}},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("error").GetString().ShouldBe(error);
        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":2}""");

        (await client.ResponseAsync(2)).GetProperty("error").GetString().ShouldBe(Bulkhead.Kraken.Errors.SocketErrors.SubscriptionNotFound);
        client.Seen.Any(m => m.TryGetProperty("channel", out var c) && c.GetString() == "ticker").ShouldBeFalse();
    }

    internal static async Task<SpotSandbox> StartAsync()
    {
        var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("maker", usd: 10_000_000m);
        sandbox.Master("taker", usd: 10_000_000m);
        sandbox.Exchange.Deposit("maker", Wallet.Spot, "XXBT", 100m).Success.ShouldBeTrue();
        return sandbox;
    }

    internal static void Place(SpotSandbox sandbox, string account, Side side, OrderKind kind, decimal volume, decimal? price = null)
    {
        var placed = sandbox.Exchange.PlaceOrder(new SandboxOrderRequest(account, TradingVenue.Spot, Pair, side, kind, volume, price));
        placed.Success.ShouldBeTrue(placed.Detail);
    }

    private static string Raw(JsonElement element) => element.GetRawText();
}
