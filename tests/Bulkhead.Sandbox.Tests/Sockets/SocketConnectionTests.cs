using System.Net.WebSockets;
using System.Text;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Sockets;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets;

/// <summary>Connection behaviour of the four WebSocket endpoints, over real sockets on loopback.</summary>
public sealed class SocketConnectionTests
{
    [Theory]
    [InlineData("/v2")]
    [InlineData("/auth/v2")]
    [InlineData("/v2/public")]
    [InlineData("/v2/private")]
    public async Task Connect_AnyEndpoint_SendsStatusOnline(string path)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, path);

        var status = await client.ChannelAsync("status");

        status.GetProperty("type").GetString().ShouldBe("update");
        var data = status.GetProperty("data")[0];
        data.GetProperty("system").GetString().ShouldBe("online");
        data.GetProperty("api_version").GetString().ShouldBe("v2");
        data.GetProperty("connection_id").GetUInt64().ShouldBeGreaterThan(0UL);
    }

    [Fact]
    public async Task Ping_EchoesReqIdWithTimes()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        await client.SendAsync("""{"method":"ping","req_id":101}""");
        var pong = await client.ResponseAsync(101);

        pong.GetProperty("method").GetString().ShouldBe("pong");
        pong.GetProperty("time_in").GetString().ShouldEndWith("Z");
        pong.GetProperty("time_out").GetString().ShouldEndWith("Z");
    }

    [Theory]
    [InlineData("not json", "Malformed request")]
    [InlineData("[1,2]", "Malformed request")]
    [InlineData("""{"req_id":5}""", "Invalid 'method'")]
    [InlineData("""{"method":"fly","req_id":5}""", "Method not found")]
    [InlineData("""{"method":"subscribe","params":{"channel":"nope","symbol":["BTC/USD"]},"req_id":5}""", "Subscription name invalid")]
    [InlineData("""{"method":"subscribe","params":{"channel":"trade","symbol":["DOGE/XYZ"]},"req_id":5}""", "Currency pair not supported DOGE/XYZ")]
    [InlineData("""{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"],"colour":1},"req_id":5}""", "Unsupported field: 'colour'")]
    [InlineData("""{"method":"ping","req_id":"x"}""", "Invalid 'req_id'")]
    [InlineData("""{"method":"add_order","params":{"token":"nope"},"req_id":5}""", "Method not found")]
    public async Task BadFrame_AnswersErrorAndKeepsServing(string frame, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        await client.SendAsync(frame);
        var answer = await client.WaitForAsync(e => e.TryGetProperty("error", out _));

        answer.GetProperty("error").GetString().ShouldBe(error);
        answer.GetProperty("success").GetBoolean().ShouldBeFalse();
        await client.SendAsync("""{"method":"ping","req_id":7}""");
        (await client.ResponseAsync(7)).GetProperty("method").GetString().ShouldBe("pong");
    }

    [Fact]
    public async Task BinaryAndOversizedFrames_AnswerErrorsAndKeepServing()
    {
        await using var sandbox = await SpotSandbox.StartAsync(new SandboxOptions { InMemory = true, Sockets = { MaxFrameBytes = 1024 } });
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        await client.SendAsync([1, 2, 3], WebSocketMessageType.Binary);
        (await client.WaitForAsync(e => e.TryGetProperty("error", out _))).GetProperty("error").GetString().ShouldBe(SocketErrors.BinaryNotSupported);
        await client.SendAsync("{\"method\":\"ping\",\"pad\":\"" + new string('x', 5000) + "\"}");
        (await client.WaitForAsync(e => e.TryGetProperty("error", out var x) && x.GetString() == SocketErrors.FrameTooLarge)).ShouldNotBe(default);
        await client.SendAsync("""{"method":"ping","req_id":8}""");
        (await client.ResponseAsync(8)).GetProperty("method").GetString().ShouldBe("pong");
    }

    [Fact]
    public async Task Requests_BeyondTheConnectionsBurst_ExceededMsgRateNotExecuted_RefilledOnTheClock()
    {
        await using var sandbox = await SpotSandbox.StartAsync(new SandboxOptions { InMemory = true, Sockets = { MessageBurst = 3, MessagesPerSecond = 2 } });
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await using var other = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        for (var id = 1; id <= 4; id++)
        {
            await client.SendAsync($$"""{"method":"ping","req_id":{{id}}}""");
        }

        for (var id = 1; id <= 3; id++)
        {
            (await client.ResponseAsync(id)).GetProperty("method").GetString().ShouldBe("pong");
        }

        var refused = await client.ResponseAsync(4);
        refused.GetProperty("error").GetString().ShouldBe(SocketErrors.ExceededMessageRate);
        refused.GetProperty("success").GetBoolean().ShouldBeFalse();
        await other.SendAsync("""{"method":"ping","req_id":5}""");
        (await other.ResponseAsync(5)).GetProperty("method").GetString().ShouldBe("pong");   // the budget is the connection's

        sandbox.Time.Advance(TimeSpan.FromMilliseconds(500));
        await client.SendAsync("""{"method":"ping","req_id":6}""");
        (await client.ResponseAsync(6)).GetProperty("method").GetString().ShouldBe("pong");
        await client.SendAsync("""{"method":"ping","req_id":7}""");
        (await client.ResponseAsync(7)).GetProperty("error").GetString().ShouldBe(SocketErrors.ExceededMessageRate);
    }

    [Fact]
    public void Options_ConnectionAndMessageFigures_AreBulkheadKrakensTable() =>
        new SocketOptions().Limits.ShouldBe(Bulkhead.Kraken.Limits.SocketLimits.Default);

    [Fact]
    public async Task PlainHttp_OnSocketPath_Gets426WithJson()
    {
        await using var sandbox = await SpotSandbox.StartAsync();

        var answer = await sandbox.RawAsync(HttpMethod.Get, "/v2", null, null, []);

        ((int)answer.Status).ShouldBe(426);
        answer.Body.ShouldStartWith("{\"error\":");
    }

    [Fact]
    public async Task Heartbeat_OncePerSecondWhileSubscribed()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"]},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("success").GetBoolean().ShouldBeTrue();

        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        var heartbeat = await client.ChannelAsync("heartbeat");

        heartbeat.EnumerateObject().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Idle_WithoutSubscription_IsClosed()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await client.ChannelAsync("status");

        sandbox.Time.Advance(TimeSpan.FromSeconds(61));

        (await client.NextAsync()).ShouldBeNull();
        client.CloseDescription.ShouldBe("idle: no subscription");
    }

    [Fact]
    public async Task ConnectionsPerAddress_OverTheLimit_Gets429()
    {
        await using var sandbox = await SpotSandbox.StartAsync(new SandboxOptions { InMemory = true, Sockets = { MaxConnectionsPerAddress = 2 } });
        await using var one = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await using var two = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2/public");

        var refused = await Should.ThrowAsync<WebSocketException>(() => SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2"));

        refused.Message.ShouldContain("429");
    }

    [Fact]
    public async Task Trade_SubscribedBook_PublishesEachFill()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("maker", usd: 1_000_000m);
        sandbox.Master("taker", usd: 1_000_000m);
        sandbox.Exchange.Deposit("maker", Bulkhead.Sandbox.Ledger.Wallet.Spot, "XXBT", 10m).Success.ShouldBeTrue();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await client.SendAsync("""{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"],"snapshot":true},"req_id":1}""");
        var ack = await client.ResponseAsync(1);
        ack.GetProperty("result").GetProperty("symbol").GetString().ShouldBe("BTC/USD");
        ack.GetProperty("result").GetProperty("channel").GetString().ShouldBe("trade");

        sandbox.Exchange.PlaceOrder(new SandboxOrderRequest("maker", TradingVenue.Spot, "XXBTZUSD", Side.Sell, OrderKind.Limit, 0.5m, 50_000m)).Success.ShouldBeTrue();
        sandbox.Exchange.PlaceOrder(new SandboxOrderRequest("taker", TradingVenue.Spot, "XXBTZUSD", Side.Buy, OrderKind.Market, 0.25m)).Success.ShouldBeTrue();
        var update = await client.ChannelAsync("trade", "update");

        var trade = update.GetProperty("data")[0];
        trade.GetProperty("symbol").GetString().ShouldBe("BTC/USD");
        trade.GetProperty("side").GetString().ShouldBe("buy");
        trade.GetProperty("price").GetRawText().ShouldBe("50000.0");
        trade.GetProperty("qty").GetRawText().ShouldBe("0.25000000");
        trade.GetProperty("ord_type").GetString().ShouldBe("market");
        trade.GetProperty("trade_id").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task SlowConsumer_IsDisconnectedWithReason_AndOthersKeepBeingServed()
    {
        await using var sandbox = await SpotSandbox.StartAsync(new SandboxOptions { InMemory = true, Sockets = { SendQueueFrames = 16, MessageBurst = 1_000_000, MessagesPerSecond = 1_000_000 } });
        var hub = sandbox.Service<SocketHub>();
        await using var slow = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        // Ask for answers and never read them: once the socket buffers are full the server's queue to this client fills
        // and the server cuts it off. Bounded: at most 400,000 requests.
        var frame = Encoding.UTF8.GetBytes("""{"method":"ping","req_id":123456789}""");
        for (var i = 0; i < 400_000 && hub.ServerClosed == 0; i++)
        {
            try
            {
                await slow.SendAsync(frame, WebSocketMessageType.Text);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                break;
            }
        }

        await Eventually.TrueAsync(() => hub.ServerClosed == 1);
        await using var other = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");
        await other.SendAsync("""{"method":"ping","req_id":1}""");
        (await other.ResponseAsync(1)).GetProperty("method").GetString().ShouldBe("pong");
    }
}
