using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Tests.Api.Market;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>The <c>level3</c> channel over real sockets on <c>/auth/v2</c>, every message checked by an independent order-by-order client book.</summary>
public sealed class Level3ChannelTests
{
    private const string Pair = "XXBTZUSD";

    [Fact]
    public async Task Level3_PlaceFillAmendCancel_SnapshotThenAddModifyDeleteWithValidChecksums()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("maker", usd: 10_000_000m);
        sandbox.Master("taker", usd: 10_000_000m);
        sandbox.Exchange.Deposit("maker", Wallet.Spot, "XXBT", 100m).Success.ShouldBeTrue();
        var bids = new List<string>();
        var asks = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            bids.Add(Place(sandbox, Side.Buy, 49_000m - (i * 10m), 0.1m + (i * 0.01m)));
            asks.Add(Place(sandbox, Side.Sell, 51_000m + (i * 10m), 0.1m + (i * 0.01m)));
        }

        var second = Place(sandbox, Side.Sell, 51_000m, 0.2m);                       // the best ask level holds two orders
        await using var client = await SubscribeAsync(sandbox, """{"channel":"level3","symbol":["BTC/USD"]}""");
        var snapshot = await client.ChannelAsync("level3", "snapshot");
        var data = snapshot.GetProperty("data")[0];
        data.GetProperty("symbol").GetString().ShouldBe("BTC/USD");
        data.GetProperty("bids").GetArrayLength().ShouldBe(10);
        data.GetProperty("asks").GetArrayLength().ShouldBe(11);
        var best = data.GetProperty("asks")[0];
        best.GetProperty("order_id").GetString().ShouldBe(asks[0]);
        best.GetProperty("limit_price").GetRawText().ShouldBe("51000.0");
        best.GetProperty("order_qty").GetRawText().ShouldBe("0.10000000");
        best.GetProperty("timestamp").GetString().ShouldBe("2026-01-05T12:00:00.000000Z");
        best.TryGetProperty("event", out _).ShouldBeFalse();
        data.GetProperty("asks")[1].GetProperty("order_id").GetString().ShouldBe(second);
        data.TryGetProperty("timestamp", out _).ShouldBeFalse();
        var book = new Level3Verifier("BTC/USD", 10);
        book.Apply(snapshot).ShouldBeTrue();
        await book.UntilMatchesAsync(client, sandbox.Exchange, Pair);

        var added = Place(sandbox, Side.Sell, 51_000m, 0.3m);                        // joins the back of the best level
        (await EventAsync(client, book, sandbox, added, "add")).GetProperty("order_qty").GetRawText().ShouldBe("0.30000000");

        Fill(sandbox, 0.04m);                                                        // partial fill of the first ask
        (await EventAsync(client, book, sandbox, asks[0], "modify")).GetProperty("order_qty").GetRawText().ShouldBe("0.06000000");

        sandbox.Exchange.AmendOrder("maker", second, 0.15m, null).Success.ShouldBeTrue();   // smaller: keeps its place
        (await EventAsync(client, book, sandbox, second, "modify")).GetProperty("order_qty").GetRawText().ShouldBe("0.15000000");

        sandbox.Exchange.AmendOrder("maker", second, 0.5m, null).Success.ShouldBeTrue();    // larger: to the back of the level
        await book.UntilMatchesAsync(client, sandbox.Exchange, Pair);
        Events(client, second).ShouldBe(["modify", "delete", "add"]);
        book.Asks.Select(o => o.Id).Take(3).ShouldBe([asks[0], added, second]);

        sandbox.Exchange.CancelOrder("maker", bids[3]).Success.ShouldBeTrue();
        (await EventAsync(client, book, sandbox, bids[3], "delete")).GetProperty("limit_price").GetRawText().ShouldBe("48970.0");
        Events(client, bids[10]).ShouldBe(["add"]);                                  // the next level came into scope

        var deeper = Place(sandbox, Side.Buy, 48_880m, 0.7m);                        // outside the window: nothing sent
        var better = Place(sandbox, Side.Buy, 49_005m, 0.5m);                        // a new best bid pushes one level out
        await EventAsync(client, book, sandbox, better, "add");
        Events(client, deeper).ShouldBeEmpty();
        Events(client, bids[10]).ShouldBe(["add"]);                                  // pushed out without a delete

        foreach (var id in asks.Take(4).Append(added).Append(second))
        {
            sandbox.Exchange.CancelOrder("maker", id).Success.ShouldBeTrue();
        }

        await book.UntilMatchesAsync(client, sandbox.Exchange, Pair);
        await book.DrainAsync(client, 99);
        book.Asks.Count.ShouldBe(8);                                                 // 8 asks left in the book
        book.Snapshots.ShouldBe(1);
        book.Updates.ShouldBeGreaterThanOrEqualTo(7);
        book.Events["delete"].ShouldBeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public async Task Level3_SeededMarketRun_EveryMessageChecksumsAtDepth10And100()
    {
        await using var sandbox = await MarketSandbox.StartAsync(seed: 7, depthLevels: 30);
        var token = Token(sandbox.Exchange);
        await using var ten = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/auth/v2");
        await using var deep = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/auth/v2");
        await ten.SendAsync($$"""{"method":"subscribe","params":{"channel":"level3","symbol":["BTC/USD"],"token":"{{token}}"},"req_id":1}""");
        await deep.SendAsync($$"""{"method":"subscribe","params":{"channel":"level3","symbol":["BTC/USD"],"depth":100,"token":"{{token}}"},"req_id":2}""");
        (await ten.ResponseAsync(1)).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await deep.ResponseAsync(2)).GetProperty("result").GetProperty("depth").GetInt32().ShouldBe(100);
        var tenBook = new Level3Verifier("BTC/USD", 10);
        var deepBook = new Level3Verifier("BTC/USD", 100);

        for (var batch = 0; batch < 30; batch++)
        {
            sandbox.Step(10);
            await tenBook.UntilMatchesAsync(ten, sandbox.Exchange, Pair);
            await deepBook.UntilMatchesAsync(deep, sandbox.Exchange, Pair);
        }

        await tenBook.DrainAsync(ten, 10);
        await deepBook.DrainAsync(deep, 11);
        tenBook.Snapshots.ShouldBe(1);
        deepBook.Snapshots.ShouldBe(1);
        tenBook.Updates.ShouldBeGreaterThanOrEqualTo(20);
        deepBook.Updates.ShouldBeGreaterThanOrEqualTo(20);
        tenBook.Events.Values.ShouldAllBe(n => n > 0);
        tenBook.Bids.Select(o => o.Price).Distinct().Count().ShouldBe(10);
        deepBook.Asks.Select(o => o.Price).Distinct().Count().ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Level3_Unsubscribe_StopsUpdatesAndAcksDepth()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("maker", usd: 10_000_000m);
        await using var client = await SubscribeAsync(sandbox, """{"channel":"level3","symbol":["BTC/USD"],"depth":100,"snapshot":false}""");
        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"level3","symbol":["BTC/USD"],"depth":100},"req_id":2}""");
        var ack = await client.ResponseAsync(2);
        ack.GetProperty("success").GetBoolean().ShouldBeTrue();
        ack.GetProperty("result").GetProperty("depth").GetInt32().ShouldBe(100);
        ack.GetProperty("result").GetProperty("channel").GetString().ShouldBe("level3");

        Place(sandbox, Side.Buy, 49_000m, 0.1m);
        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"level3","symbol":["BTC/USD"],"depth":100},"req_id":3}""");
        (await client.ResponseAsync(3)).GetProperty("error").GetString().ShouldBe(SocketErrors.SubscriptionNotFound);
        client.Seen.Any(m => m.TryGetProperty("channel", out var c) && c.GetString() == "level3").ShouldBeFalse();
    }

    [Fact]
    public async Task Level3_WithoutValidToken_Refused()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/auth/v2");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"level3","symbol":["BTC/USD"]},"req_id":1}""");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"level3","symbol":["BTC/USD"],"token":"bogus"},"req_id":2}""");

        (await client.ResponseAsync(1)).GetProperty("error").GetString().ShouldBe(KrakenErrors.InvalidToken);
        (await client.ResponseAsync(2)).GetProperty("error").GetString().ShouldBe(KrakenErrors.InvalidToken);
        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"level3","symbol":["BTC/USD"]},"req_id":3}""");
        (await client.ResponseAsync(3)).GetProperty("error").GetString().ShouldBe(SocketErrors.SubscriptionNotFound);
        client.Seen.Any(m => m.TryGetProperty("channel", out var c) && c.GetString() == "level3").ShouldBeFalse();
    }

    [Fact]
    public async Task Level3_Subscribed_TokenLivesUntilUnsubscribed()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("viewer");
        var key = sandbox.Key("viewer", SpotPermission.AccessWebSocketsApi);
        await using var session = await Spot.SpotPrivateSession.OpenAsync(sandbox, key);
        await session.OkAsync("subscribe", """{"channel":"level3","symbol":["BTC/USD"],"snapshot":false}""");

        sandbox.Time.Advance(TimeSpan.FromSeconds(901));
        await session.OkAsync("subscribe", """{"channel":"level3","symbol":["ETH/USD"],"snapshot":false}""");
        await session.OkAsync("unsubscribe", """{"channel":"level3","symbol":["BTC/USD","ETH/USD"]}""");

        (await session.ErrorAsync("subscribe", """{"channel":"level3","symbol":["BTC/USD"]}""")).ShouldBe(KrakenErrors.InvalidToken);
    }

    [Theory]
    [InlineData("/v2")]
    [InlineData("/v2/public")]
    [InlineData("/v2/private")]
    public async Task Level3_OtherEndpoints_NotServed(string path)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("viewer");
        var token = await Spot.SpotPrivateSession.TokenAsync(sandbox, sandbox.Key("viewer"));
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, path);
        var assetClass = path == "/v2" ? string.Empty : "\"asset_class\":\"derivatives\",";

        await client.SendAsync($$"""{"method":"subscribe","params":{"channel":"level3",{{assetClass}}"symbol":["BTC/USD"],"token":"{{token}}"},"req_id":1}""");

        (await client.ResponseAsync(1)).GetProperty("error").GetString().ShouldBe(SocketErrors.SubscriptionNameInvalid);
    }

    [Theory]
    [InlineData("""{"channel":"level3","symbol":["BTC/USD"],"depth":25}""", "Invalid 'params.depth'")]
    [InlineData("""{"channel":"level3","symbol":["BTC/USD"],"depth":"10"}""", "Invalid 'params.depth'")]
    [InlineData("""{"channel":"level3","symbol":["BTC/USD"],"colour":1}""", "Unsupported field: 'colour'")]
    [InlineData("""{"channel":"level3"}""", "Invalid 'params.symbol'")]
    [InlineData("""{"channel":"level3","symbol":["BTC/USD"],"snapshot":"yes"}""", "Invalid 'params.snapshot'")]
    [InlineData("""{"channel":"level3","symbol":["PF_XBTUSD"]}""", "Currency pair not supported PF_XBTUSD")]
    [InlineData("""{"channel":"level3","asset_class":"derivatives","symbol":["BTC/USD"]}""", "Unsupported field: 'asset_class'")]
    public async Task Level3_BadParams_AnswersErrorAndSubscribesNothing(string parameters, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SubscribeAsync(sandbox, parameters, expectSuccess: false);

        var answer = client.Seen.Single(m => m.TryGetProperty("req_id", out var id) && id.GetInt64() == 1);
        answer.GetProperty("success").GetBoolean().ShouldBeFalse();
        answer.GetProperty("error").GetString().ShouldBe(error);
        await client.SendAsync("""{"method":"unsubscribe","params":{"channel":"level3","symbol":["BTC/USD"]},"req_id":2}""");
        (await client.ResponseAsync(2)).GetProperty("error").GetString().ShouldBe(SocketErrors.SubscriptionNotFound);
        client.Seen.Any(m => m.TryGetProperty("channel", out var c) && c.GetString() == "level3").ShouldBeFalse();
    }

    // Subscribes on /auth/v2 with a fresh viewer's token merged into parameters (req_id 1); checks the ack when expected to succeed.
    private static async Task<SocketClient> SubscribeAsync(SpotSandbox sandbox, string parameters, bool expectSuccess = true)
    {
        sandbox.Master("viewer");
        var token = await Spot.SpotPrivateSession.TokenAsync(sandbox, sandbox.Key("viewer"));
        var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/auth/v2");
        var withToken = parameters.TrimEnd('}') + $",\"token\":\"{token}\"}}";
        await client.SendAsync($$"""{"method":"subscribe","params":{{withToken}},"req_id":1}""");
        var answer = await client.ResponseAsync(1);
        answer.GetProperty("success").GetBoolean().ShouldBe(expectSuccess, answer.GetRawText());
        if (expectSuccess)
        {
            var ack = answer.GetProperty("result");
            ack.GetProperty("channel").GetString().ShouldBe("level3");
            ack.GetProperty("symbol").GetString().ShouldBe("BTC/USD");
            ack.TryGetProperty("depth", out var depth).ShouldBeTrue();
            depth.GetInt32().ShouldBeOneOf(10, 100, 1000);
        }

        return client;
    }

    private static string Token(SandboxExchange exchange)
    {
        exchange.CreateAccount("viewer", null).Success.ShouldBeTrue();
        var created = exchange.CreateKey(new KeySpec("viewer", KeyVenue.Spot, SpotPermission.AccessWebSocketsApi, FuturesAccess.None, false, 0, [], null, null, null));
        created.Success.ShouldBeTrue(created.Detail);
        return exchange.Tokens.Issue(created.Value.Key);
    }

    // Reads until the book matches the exchange, then answers the last event of the order (which must be of that kind).
    private static async Task<JsonElement> EventAsync(SocketClient client, Level3Verifier book, SpotSandbox sandbox, string orderId, string kind)
    {
        await book.UntilMatchesAsync(client, sandbox.Exchange, Pair);
        var item = Items(client).Last(i => i.GetProperty("order_id").GetString() == orderId);
        item.GetProperty("event").GetString().ShouldBe(kind);
        return item;
    }

    private static IEnumerable<JsonElement> Items(SocketClient client) =>
        client.Seen.Where(m => m.TryGetProperty("channel", out var c) && c.GetString() == "level3" && m.GetProperty("type").GetString() == "update")
            .SelectMany(m => m.GetProperty("data")[0].GetProperty("bids").EnumerateArray().Concat(m.GetProperty("data")[0].GetProperty("asks").EnumerateArray()));

    private static List<string> Events(SocketClient client, string orderId) =>
        [.. Items(client).Where(i => i.GetProperty("order_id").GetString() == orderId).Select(i => i.GetProperty("event").GetString()!)];

    private static void Fill(SpotSandbox sandbox, decimal volume) =>
        sandbox.Exchange.PlaceOrder(new SandboxOrderRequest("taker", TradingVenue.Spot, Pair, Side.Buy, OrderKind.Market, volume)).Success.ShouldBeTrue();

    private static string Place(SpotSandbox sandbox, Side side, decimal price, decimal volume)
    {
        var placed = sandbox.Exchange.PlaceOrder(new SandboxOrderRequest("maker", TradingVenue.Spot, Pair, side, OrderKind.Limit, volume, price));
        placed.Success.ShouldBeTrue(placed.Detail);
        return placed.Value!.Order.Id;
    }
}
