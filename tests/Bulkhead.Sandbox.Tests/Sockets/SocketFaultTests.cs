using System.Net.WebSockets;
using System.Text.Json;
using Bulkhead.Sandbox.Api.Sockets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Tests.Sockets.Spot;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>
/// The socket faults of <c>POST /admin/faults</c> over real sockets on loopback: frame delay, dropping every connection,
/// cutting a connection between an order's commit and its answer, and corrupted book checksums.
/// </summary>
public sealed class SocketFaultTests
{
    private const string Pair = "XXBTZUSD";
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task SocketDelay_HoldsEveryFrameOnTheExchangeClockInOrder_RestAndOtherQueuesNotHeld()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 1_000m));
        await using var slow = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await slow.ChannelAsync("status");
        (await Faults(sandbox, """{"socketDelayMs":5000}""")).GetProperty("socketDelayMs").GetInt64().ShouldBe(5000);

        for (var id = 1; id <= 5; id++)
        {
            await slow.SendAsync($$"""{"method":"ping","req_id":{{id}}}""");
        }

        // The exchange's clock has not moved: nothing may arrive, while REST answers at once (public and signed).
        var first = slow.NextAsync(TimeSpan.FromSeconds(30));
        (await sandbox.RawAsync(HttpMethod.Get, "/0/public/Time", null, null, [])).ShouldSucceed();
        (await sandbox.PrivateAsync(key, "Balance")).ShouldSucceed().GetProperty("ZUSD").GetString().ShouldBe("1000.0000");
        await StillPendingAsync(first);

        // Three seconds on, the delay is lifted: a new connection is served at once, the held one keeps its order.
        sandbox.Time.Advance(TimeSpan.FromSeconds(3));
        await Faults(sandbox, """{"socketDelayMs":0}""");
        await slow.SendAsync("""{"method":"ping","req_id":6}""");
        await using var fresh = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await fresh.SendAsync("""{"method":"ping","req_id":7}""");
        (await fresh.ResponseAsync(7)).GetProperty("method").GetString().ShouldBe("pong");
        await StillPendingAsync(first);

        sandbox.Time.Advance(TimeSpan.FromSeconds(2));
        var frames = new List<JsonElement> { (await first).ShouldNotBeNull() };
        for (var i = 1; i < 6; i++)
        {
            frames.Add(await slow.WaitForAsync(e => e.TryGetProperty("req_id", out _)));
        }

        frames.Select(f => f.GetProperty("req_id").GetInt64()).ShouldBe([1, 2, 3, 4, 5, 6]);
        frames.ShouldAllBe(f => f.GetProperty("method").GetString() == "pong");
    }

    [Fact]
    public async Task SocketDelay_StatusAndChannelFramesToo()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await Faults(sandbox, """{"socketDelayMs":2000}""");
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"]},"req_id":1}""");

        var first = client.NextAsync(TimeSpan.FromSeconds(30));
        await StillPendingAsync(first);
        sandbox.Time.Advance(TimeSpan.FromSeconds(2));

        (await first).ShouldNotBeNull().GetProperty("channel").GetString().ShouldBe("status");
        (await client.ResponseAsync(1)).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await client.ChannelAsync("book", "snapshot")).GetProperty("data")[0].GetProperty("symbol").GetString().ShouldBe("BTC/USD");
    }

    [Fact]
    public async Task DropSockets_AbortsEveryOpenConnectionWithoutCloseFrame_OneShot()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 1_000m));
        await using var spot = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await using var unified = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2/public");
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, key);
        await session.OkAsync("subscribe", """{"channel":"executions"}""");
        await spot.ChannelAsync("status");
        await unified.ChannelAsync("status");
        var hub = sandbox.Service<SocketHub>();
        hub.ConnectionCount.ShouldBe(3);

        var answer = await Faults(sandbox, """{"dropSockets":true}""");

        answer.GetProperty("dropSockets").GetBoolean().ShouldBeFalse();
        foreach (var client in new[] { spot, unified, session.Client })
        {
            // Frames already on the wire may still be read; then the stream ends without a close frame.
            var dropped = await Should.ThrowAsync<WebSocketException>(async () =>
            {
                while (await client.NextAsync() is not null)
                {
                }
            });
            dropped.WebSocketErrorCode.ShouldBe(WebSocketError.ConnectionClosedPrematurely);
            client.CloseStatus.ShouldBeNull();
        }

        await Eventually.TrueAsync(() => hub.ConnectionCount == 0);
        (await Faults(sandbox)).GetProperty("dropSockets").GetBoolean().ShouldBeFalse();
        await using var after = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await after.SendAsync("""{"method":"ping","req_id":9}""");
        (await after.ResponseAsync(9)).GetProperty("method").GetString().ShouldBe("pong");
        (await sandbox.PrivateAsync(key, "Balance")).ShouldSucceed();
    }

    [Fact]
    public async Task DropBeforeAck_SpotAddOrder_CommittedOnceConnectionCutBeforeAnswer()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        await using var watcher = await SpotPrivateSession.OpenAsync(sandbox, key);
        await watcher.OkAsync("subscribe", """{"channel":"executions"}""");
        await using var trader = await SpotPrivateSession.OpenAsync(sandbox, key);
        (await Faults(sandbox, """{"dropBeforeAck":1}""")).GetProperty("dropBeforeAck").GetInt32().ShouldBe(1);

        // A request that is not order entry does not take the fault.
        await trader.OkAsync("subscribe", """{"channel":"balances"}""");
        (await Faults(sandbox)).GetProperty("dropBeforeAck").GetInt32().ShouldBe(1);
        var reqId = trader.NextReqId();
        await trader.SendAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000,"cl_ord_id":"lost-1"}""", reqId);

        var cut = await Should.ThrowAsync<WebSocketException>(() => trader.Client.WaitForAsync(e => e.TryGetProperty("req_id", out var id) && id.GetInt64() == reqId));
        cut.WebSocketErrorCode.ShouldBe(WebSocketError.ConnectionClosedPrematurely);
        var order = sandbox.Exchange.OpenOrders("desk").ShouldHaveSingleItem();
        order.ClientOrderId.ShouldBe("lost-1");
        await watcher.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "new" && i.GetProperty("order_id").GetString() == order.Id);
        (await Faults(sandbox)).GetProperty("dropBeforeAck").GetInt32().ShouldBe(0);

        await using var again = await SpotPrivateSession.OpenAsync(sandbox, key);
        var placed = await again.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":49000,"cl_ord_id":"kept-2"}""");
        placed.GetProperty("cl_ord_id").GetString().ShouldBe("kept-2");
        sandbox.Exchange.OpenOrders("desk").Count.ShouldBe(2);
    }

    [Fact]
    public async Task DropBeforeAck_UnifiedAddThenCancel_BothCommittedBothConnectionsCut()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("desk");
        sandbox.Exchange.Deposit("desk", Wallet.FuturesFlex, "ZUSD", 10_000m).Success.ShouldBeTrue();
        sandbox.Exchange.UpdateMarkPrice("PF_XBTUSD", 100_000m);
        var token = await SpotPrivateSession.TokenAsync(sandbox, sandbox.Key("desk"));
        (await Faults(sandbox, """{"dropBeforeAck":2}""")).GetProperty("dropBeforeAck").GetInt32().ShouldBe(2);

        await using (var first = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2/private"))
        {
            await first.SendAsync($$"""{"method":"add_order","params":{"asset_class":"derivatives","symbol":"PF_XBTUSD","side":"buy","order_type":"limit","order_qty":0.1,"limit_price":99000,"cl_ord_id":"u-1","token":"{{token}}"},"req_id":1}""");
            await Should.ThrowAsync<WebSocketException>(() => first.WaitForAsync(e => e.TryGetProperty("req_id", out _)));
        }

        var order = sandbox.Exchange.FindFuturesOrderByClientId("desk", "u-1").ShouldNotBeNull();
        sandbox.Exchange.OpenOrders("desk", TradingVenue.Futures).ShouldHaveSingleItem().Id.ShouldBe(order.Id);
        (await Faults(sandbox)).GetProperty("dropBeforeAck").GetInt32().ShouldBe(1);

        await using (var second = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2/private"))
        {
            await second.SendAsync($$"""{"method":"cancel_order","params":{"asset_class":"derivatives","cl_ord_id":["u-1"],"token":"{{token}}"},"req_id":2}""");
            await Should.ThrowAsync<WebSocketException>(() => second.WaitForAsync(e => e.TryGetProperty("req_id", out _)));
        }

        sandbox.Exchange.OpenOrders("desk", TradingVenue.Futures).ShouldBeEmpty();
        (await Faults(sandbox)).GetProperty("dropBeforeAck").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task CorruptBookChecksum_NextUpdatesWrongForEverySubscriber_SnapshotsAndLaterUpdatesRight()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("maker", usd: 10_000_000m);
        sandbox.Exchange.Deposit("maker", Wallet.Spot, "XXBT", 100m).Success.ShouldBeTrue();
        Place(sandbox, Side.Buy, 49_000m);
        Place(sandbox, Side.Sell, 51_000m);
        await using var early = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await early.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"]},"req_id":1}""");
        var earlyBook = new BookVerifier("BTC/USD", 10);
        earlyBook.Apply(await early.ChannelAsync("book", "snapshot")).ShouldBeTrue();

        (await Faults(sandbox, """{"corruptBookChecksum":2}""")).GetProperty("corruptBookChecksum").GetInt32().ShouldBe(2);
        await using var late = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await late.SendAsync("""{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"]},"req_id":1}""");
        var lateBook = new BookVerifier("BTC/USD", 10);
        lateBook.Apply(await late.ChannelAsync("book", "snapshot")).ShouldBeTrue();    // snapshots are never corrupted
        (await Faults(sandbox)).GetProperty("corruptBookChecksum").GetInt32().ShouldBe(2);

        var verdicts = new List<bool>();
        for (var i = 1; i <= 3; i++)
        {
            Place(sandbox, Side.Buy, 49_000m - (i * 10m));
            var earlyChecks = earlyBook.ApplyUnverified(await early.ChannelAsync("book", "update")).ShouldHaveSingleItem();
            var lateChecks = lateBook.ApplyUnverified(await late.ChannelAsync("book", "update")).ShouldHaveSingleItem();
            lateChecks.ShouldBe(earlyChecks);
            verdicts.Add(earlyChecks.Received == earlyChecks.Expected);
            if (earlyChecks.Received != earlyChecks.Expected)
            {
                earlyChecks.Received.ShouldBe(earlyChecks.Expected ^ 1u);
            }

            (await Faults(sandbox)).GetProperty("corruptBookChecksum").GetInt32().ShouldBe(Math.Max(0, 2 - i));
        }

        verdicts.ShouldBe([false, false, true]);
        await earlyBook.UntilMatchesAsync(early, () => sandbox.Exchange.Depth(TradingVenue.Spot, Pair, 10));
    }

    /// <summary>
    /// Nothing arrives for a while of real time. (A receive cannot be cancelled and resumed: cancelling it aborts a
    /// ClientWebSocket, so the read stays pending and is awaited later.)
    /// </summary>
    private static async Task StillPendingAsync(Task<JsonElement?> read)
    {
        await Task.WhenAny(read, Task.Delay(Quiet));
        read.IsCompleted.ShouldBeFalse(read.IsCompletedSuccessfully ? read.Result?.GetRawText() : read.Exception?.Message);
    }

    private static async Task<JsonElement> Faults(SpotSandbox sandbox, string? change = null)
    {
        var answer = change is null
            ? await sandbox.AdminAsync(HttpMethod.Get, "/admin/faults")
            : await sandbox.AdminAsync(HttpMethod.Post, "/admin/faults", change);
        answer.Status.ShouldBe(System.Net.HttpStatusCode.OK, answer.Body);
        return answer.Json.Clone();
    }

    private static void Place(SpotSandbox sandbox, Side side, decimal price)
    {
        var placed = sandbox.Exchange.PlaceOrder(new SandboxOrderRequest("maker", TradingVenue.Spot, Pair, side, OrderKind.Limit, 0.1m, price));
        placed.Success.ShouldBeTrue(placed.Detail);
    }
}
