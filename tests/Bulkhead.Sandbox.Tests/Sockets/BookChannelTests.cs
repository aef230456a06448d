using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Tests.Api.Market;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>The <c>book</c> channel over real sockets, every message's checksum verified by an independent client book.</summary>
public sealed class BookChannelTests
{
    private const string Pair = "XXBTZUSD";

    [Fact]
    public async Task Book_Depth10And25_SnapshotThenUpdatesWithValidChecksums()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("maker", usd: 10_000_000m);
        sandbox.Master("taker", usd: 10_000_000m);
        sandbox.Exchange.Deposit("maker", Wallet.Spot, "XXBT", 100m).Success.ShouldBeTrue();
        var bids = new List<string>();
        var asks = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            bids.Add(Place(sandbox, Side.Buy, 49_000m - (i * 10m), 0.1m + (i * 0.01m)));
            asks.Add(Place(sandbox, Side.Sell, 51_000m + (i * 10m), 0.1m + (i * 0.01m)));
        }

        await using var ten = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await using var deep = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await ten.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"]},"req_id":1}""");
        await deep.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":25},"req_id":2}""");
        var ack = (await ten.ResponseAsync(1)).GetProperty("result");
        ack.GetProperty("channel").GetString().ShouldBe("book");
        ack.GetProperty("depth").GetInt32().ShouldBe(10);
        ack.GetProperty("snapshot").GetBoolean().ShouldBeTrue();
        ack.GetProperty("symbol").GetString().ShouldBe("BTC/USD");
        (await deep.ResponseAsync(2)).GetProperty("result").GetProperty("depth").GetInt32().ShouldBe(25);

        var snapshot = await ten.ChannelAsync("book", "snapshot");
        var data = snapshot.GetProperty("data")[0];
        data.GetProperty("symbol").GetString().ShouldBe("BTC/USD");
        data.GetProperty("bids").GetArrayLength().ShouldBe(10);
        data.GetProperty("asks").GetArrayLength().ShouldBe(10);
        data.GetProperty("bids")[0].GetProperty("price").GetRawText().ShouldBe("49000.0");
        data.GetProperty("bids")[0].GetProperty("qty").GetRawText().ShouldBe("0.10000000");
        data.GetProperty("asks")[0].GetProperty("price").GetRawText().ShouldBe("51000.0");
        var tenBook = new BookVerifier("BTC/USD", 10);
        var deepBook = new BookVerifier("BTC/USD", 25);
        tenBook.Apply(snapshot).ShouldBeTrue();
        var deepSnapshot = await deep.ChannelAsync("book", "snapshot");
        deepSnapshot.GetProperty("data")[0].GetProperty("bids").GetArrayLength().ShouldBe(25);
        deepBook.Apply(deepSnapshot).ShouldBeTrue();

        async Task BothMatchAsync()
        {
            await tenBook.UntilMatchesAsync(ten, () => sandbox.Exchange.Depth(TradingVenue.Spot, Pair, 10));
            await deepBook.UntilMatchesAsync(deep, () => sandbox.Exchange.Depth(TradingVenue.Spot, Pair, 25));
        }

        await BothMatchAsync();
        Place(sandbox, Side.Buy, 49_005m, 0.5m);                                     // a new best bid pushes one out of the window
        await BothMatchAsync();
        sandbox.Exchange.CancelOrder("maker", asks[0]).Success.ShouldBeTrue();       // best ask removed: the 11th ask comes in
        await BothMatchAsync();
        sandbox.Exchange.CancelOrder("maker", bids[20]).Success.ShouldBeTrue();      // only the depth-25 window changes
        await BothMatchAsync();
        Place(sandbox, Side.Sell, 51_020m, 0.25m);                                   // quantity of an existing level grows
        await BothMatchAsync();
        sandbox.Exchange.PlaceOrder(new SandboxOrderRequest("taker", TradingVenue.Spot, Pair, Side.Buy, OrderKind.Market, 0.4m)).Success.ShouldBeTrue();
        await BothMatchAsync();
        foreach (var id in bids.Take(12))
        {
            sandbox.Exchange.CancelOrder("maker", id).Success.ShouldBeTrue();
        }

        await BothMatchAsync();

        tenBook.Updates.ShouldBeGreaterThanOrEqualTo(4);
        deepBook.Updates.ShouldBeGreaterThanOrEqualTo(5);
        var removal = ten.Seen.Where(m => m.TryGetProperty("channel", out var c) && c.GetString() == "book" && m.GetProperty("type").GetString() == "update")
            .SelectMany(m => m.GetProperty("data")[0].GetProperty("asks").EnumerateArray())
            .First(l => l.GetProperty("price").GetRawText() == "51000.0");
        removal.GetProperty("qty").GetRawText().ShouldBe("0.00000000");
    }

    [Fact]
    public async Task Book_TenMinutesOfSeededMarket_EveryMessageChecksumsForSpotAndUnified()
    {
        await using var sandbox = await MarketSandbox.StartAsync(seed: 7, depthLevels: 30);
        await using var spot = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await using var unified = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2/public");
        await spot.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10},"req_id":1}""");
        await unified.SendAsync("""{"method":"subscribe","params":{"channel":"book","asset_class":"derivatives","symbol":["PF_XBTUSD"],"depth":25},"req_id":2}""");
        (await spot.ResponseAsync(1)).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await unified.ResponseAsync(2)).GetProperty("success").GetBoolean().ShouldBeTrue();
        var spotBook = new BookVerifier("BTC/USD", 10);
        var futuresBook = new BookVerifier("PF_XBTUSD", 25);

        var lateBook = new BookVerifier("BTC/USD", 10);
        SocketClient? late = null;
        try
        {
            for (var batch = 0; batch < 60; batch++)
            {
                sandbox.Step(10);
                if (batch == 30)
                {
                    // Joins (connects only now: the fake clock would idle-close a connection without subscriptions) while
                    // the pump is publishing this batch: its snapshot and every later update must agree.
                    late = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
                    await late.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"]},"req_id":3}""");
                }

                await spotBook.UntilMatchesAsync(spot, () => sandbox.Exchange.Depth(TradingVenue.Spot, Pair, 10));
                await futuresBook.UntilMatchesAsync(unified, () => sandbox.Exchange.Depth(TradingVenue.Futures, "PF_XBTUSD", 25));
                if (late is not null)
                {
                    await lateBook.UntilMatchesAsync(late, () => sandbox.Exchange.Depth(TradingVenue.Spot, Pair, 10));
                }
            }

            await spotBook.DrainAsync(spot, 10);
            await futuresBook.DrainAsync(unified, 11);
            await lateBook.DrainAsync(late!, 12);
        }
        finally
        {
            if (late is not null)
            {
                await late.DisposeAsync();
            }
        }

        lateBook.Snapshots.ShouldBe(1);
        lateBook.Updates.ShouldBeGreaterThanOrEqualTo(5);
        spotBook.Snapshots.ShouldBe(1);
        futuresBook.Snapshots.ShouldBe(1);
        spotBook.Updates.ShouldBeGreaterThanOrEqualTo(20);
        futuresBook.Updates.ShouldBeGreaterThanOrEqualTo(20);
        spotBook.Bids.Count.ShouldBe(10);
        futuresBook.Asks.Count.ShouldBe(25);
    }

    [Fact]
    public async Task Book_Unsubscribe_ByDepth_StopsThatDepthOnly()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":25,"snapshot":false},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("success").GetBoolean().ShouldBeTrue();

        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"book","symbol":["BTC/USD"]},"req_id":2}""");
        (await client.ResponseAsync(2)).GetProperty("error").GetString().ShouldBe(SocketErrors.SubscriptionNotFound);
        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":25},"req_id":3}""");
        var ack = await client.ResponseAsync(3);

        ack.GetProperty("success").GetBoolean().ShouldBeTrue();
        ack.GetProperty("result").GetProperty("depth").GetInt32().ShouldBe(25);
        client.Seen.Any(m => m.TryGetProperty("channel", out var c) && c.GetString() == "book").ShouldBeFalse();
    }

    [Theory]
    [InlineData("/v2", """{"channel":"book","symbol":["BTC/USD"],"depth":7}""", "Invalid 'params.depth'")]
    [InlineData("/v2", """{"channel":"book","symbol":["BTC/USD"],"depth":"10"}""", "Invalid 'params.depth'")]
    [InlineData("/v2", """{"channel":"book","symbol":["BTC/USD"],"colour":1}""", "Unsupported field: 'colour'")]
    [InlineData("/v2", """{"channel":"book"}""", "Invalid 'params.symbol'")]
    [InlineData("/v2", """{"channel":"book","symbol":["BTC/USD"],"snapshot":"yes"}""", "Invalid 'params.snapshot'")]
    [InlineData("/v2", """{"channel":"book","symbol":["PF_XBTUSD"]}""", "Currency pair not supported PF_XBTUSD")]
    [InlineData("/v2/public", """{"channel":"book","symbol":["PF_XBTUSD"]}""", "Invalid 'params.asset_class'")]
    [InlineData("/v2/public", """{"channel":"book","asset_class":"derivatives","symbol":["BTC/USD"]}""", "Currency pair not supported BTC/USD")]
    public async Task Book_BadParams_AnswersErrorAndSubscribesNothing(string path, string parameters, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, path);

        await client.SendAsync($$"""{"method":"subscribe","params":{{parameters}},"req_id":1}""");
        var answer = await client.ResponseAsync(1);

        answer.GetProperty("success").GetBoolean().ShouldBeFalse();
        answer.GetProperty("error").GetString().ShouldBe(error);
        var assetClass = path == "/v2" ? string.Empty : "\"asset_class\":\"derivatives\",";
        foreach (var symbol in new[] { "BTC/USD", "PF_XBTUSD" })
        {
            await client.SendAsync($$"""{"method":"unsubscribe","params":{"channel":"book",{{assetClass}}"symbol":["{{symbol}}"]},"req_id":2}""");
            var none = await client.ResponseAsync(2);
            none.GetProperty("error").GetString().ShouldBe(SocketErrors.SubscriptionNotFound, none.GetRawText());
        }

        client.Seen.Any(m => m.TryGetProperty("channel", out var c) && c.GetString() == "book").ShouldBeFalse();
    }

    private static string Place(SpotSandbox sandbox, Side side, decimal price, decimal volume)
    {
        var placed = sandbox.Exchange.PlaceOrder(new SandboxOrderRequest("maker", TradingVenue.Spot, Pair, side, OrderKind.Limit, volume, price));
        placed.Success.ShouldBeTrue(placed.Detail);
        return placed.Value!.Order.Id;
    }
}
