using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>
/// The network failing between the client and the sandbox (a real TCP proxy in between): connections reset, frozen
/// half-open, or cut between a request's execution and its answer.
/// </summary>
public sealed class ConnectionFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconnect_EveryConnectionReset_ResubscribesAndBooksResynchronise()
    {
        await using var sandbox = await SocketSandbox.StartAsync(market: true, seed: 3);
        sandbox.Account("trader", usd: 100_000m, btc: 0m, flexUsd: 0m);
        var proxy = sandbox.Proxy();
        var market = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: false, via: proxy.BaseUrl);
        var account = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: true, sandbox.Tokens("trader"), via: proxy.BaseUrl);
        var book = (await market.SubscribeBookAsync(SocketSandbox.SpotSymbol, 10, Ct)).GetValueOrThrow();
        var ticker = (await market.SubscribeTickerAsync(SocketSandbox.SpotSymbol, cancellationToken: Ct)).GetValueOrThrow();
        var executions = (await account.SubscribeExecutionsAsync(cancellationToken: Ct)).GetValueOrThrow();
        (await executions.Reader.NextAsync()).Session.ShouldBe(1);
        sandbox.Step(5);
        await BookFeedTests.MatchesAsync(book, () => sandbox.Exchange.Depth(TradingVenue.Spot, SocketSandbox.SpotPair, 10));
        var before = book.Book.Version;

        proxy.CutAll();
        sandbox.Step(20);

        await Eventually.TrueAsync(() => market.GetStats() is { Reconnects: >= 1, State: SocketConnectionState.Connected }, "the market client reconnects");
        await Eventually.TrueAsync(() => account.GetStats() is { Reconnects: >= 1, State: SocketConnectionState.Connected }, "the account client reconnects");
        await BookFeedTests.MatchesAsync(book, () => sandbox.Exchange.Depth(TradingVenue.Spot, SocketSandbox.SpotPair, 10));
        book.Book.Version.ShouldBeGreaterThan(before);
        book.Resyncs.ShouldBe(0);
        (await ticker.Reader.UntilAsync(b => b.Session >= 2, "a ticker snapshot on the new connection")).IsSnapshot.ShouldBeTrue();
        (await executions.Reader.UntilAsync(b => b.Session >= 2, "an executions snapshot on the new connection")).IsSnapshot.ShouldBeTrue();
        market.GetStats().Subscriptions.Count.ShouldBe(2);

        // The renewed subscriptions flow: the market moves the book again, an order streams again.
        sandbox.Step(10);
        await BookFeedTests.MatchesAsync(book, () => sandbox.Exchange.Depth(TradingVenue.Spot, SocketSandbox.SpotPair, 10));
        var order = (await account.AddOrderAsync(new SocketOrderRequest { Symbol = SocketSandbox.SpotSymbol, Side = OrderSide.Buy, Quantity = 0.01m, LimitPrice = 1_000m }, Ct)).GetValueOrThrow();
        await executions.Reader.UntilAsync(b => b.Items.Any(e => e.OrderId == order.OrderId), "the order's events after the reconnect");
    }

    [Fact]
    public async Task Watchdog_ConnectionFrozenHalfOpen_AbortsItAndReconnects()
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        var proxy = sandbox.Proxy();
        var client = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: false, configure: o =>
        {
            o.PingInterval = TimeSpan.FromSeconds(1);
            o.SilenceTimeout = TimeSpan.FromSeconds(4);
        }, via: proxy.BaseUrl);
        var ticker = (await client.SubscribeTickerAsync(SocketSandbox.SpotSymbol, cancellationToken: Ct)).GetValueOrThrow();
        (await ticker.Reader.NextAsync()).Session.ShouldBe(1);

        // Pings keep a quiet connection alive (the sandbox's clock is stopped: it sends no heartbeats).
        (await client.PingAsync(Ct)).Success.ShouldBeTrue();
        client.GetStats().SilentAborts.ShouldBe(0);

        proxy.FreezeAll();
        await Eventually.TrueAsync(() => client.GetStats().SilentAborts == 1, "the watchdog aborts the silent connection");
        await Eventually.TrueAsync(() => client.GetStats() is { Reconnects: 1, State: SocketConnectionState.Connected }, "the client reconnects");
        (await ticker.Reader.UntilAsync(b => b.Session == 2, "the ticker on the new connection")).IsSnapshot.ShouldBeTrue();
        proxy.Accepted.ShouldBe(2);
    }

    [Theory]
    [InlineData(SocketProtocol.SpotV2, SocketSandbox.SpotSymbol, 10_000)]
    [InlineData(SocketProtocol.Unified, SocketSandbox.Perpetual, 90_000)]
    public async Task AddOrder_ConnectionCutAfterExecutionBeforeTheAck_FindsTheOrderAndPlacesItOnce(SocketProtocol protocol, string symbol, int price)
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader");
        var proxy = sandbox.Proxy();
        var client = await sandbox.ConnectAsync(protocol, isPrivate: true, sandbox.Tokens("trader"), via: proxy.BaseUrl);
        proxy.CutOnResponse(frame => frame.Contains("\"method\":\"add_order\"", StringComparison.Ordinal));

        var placed = await client.AddOrderAsync(new SocketOrderRequest { Symbol = symbol, Side = OrderSide.Buy, Quantity = 0.01m, LimitPrice = price, ClientOrderId = "exactly-once" }, Ct);

        var ack = placed.GetValueOrThrow();
        ack.RecoveredFrom.ShouldBe(KrakenErrors.TransportConnection);
        var venue = protocol == SocketProtocol.SpotV2 ? TradingVenue.Spot : TradingVenue.Futures;
        var orders = sandbox.Exchange.OpenOrders("trader", venue).Where(o => o.ClientOrderId == "exactly-once").ToList();
        orders.ShouldHaveSingleItem();
        if (protocol == SocketProtocol.SpotV2)
        {
            // Spot looks it up over REST, through the key's own pipeline.
            ack.OrderId.ShouldBe(orders[0].Id);
            sandbox.Journal.Records.ShouldContain(r => r.Endpoint == "OpenOrders" && r.KeyName == "trader" && r.Succeeded);
        }

        await Eventually.TrueAsync(() => client.GetStats() is { Reconnects: 1, State: SocketConnectionState.Connected }, "the client reconnects");
    }

    [Theory]
    [InlineData(SocketProtocol.SpotV2, SocketSandbox.SpotSymbol, 10_000)]
    [InlineData(SocketProtocol.Unified, SocketSandbox.Perpetual, 90_000)]
    public async Task AddOrder_ConnectionCutBeforeTheServerGotIt_NotFoundSoSentOnceMore(SocketProtocol protocol, string symbol, int price)
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader");
        var proxy = sandbox.Proxy();
        var client = await sandbox.ConnectAsync(protocol, isPrivate: true, sandbox.Tokens("trader"), via: proxy.BaseUrl);
        proxy.CutOnRequest(frame => frame.Contains("\"method\":\"add_order\"", StringComparison.Ordinal));

        var ack = (await client.AddOrderAsync(new SocketOrderRequest { Symbol = symbol, Side = OrderSide.Buy, Quantity = 0.01m, LimitPrice = price, ClientOrderId = "lost-once" }, Ct)).GetValueOrThrow();

        ack.RecoveredFrom.ShouldBeNull();
        var venue = protocol == SocketProtocol.SpotV2 ? TradingVenue.Spot : TradingVenue.Futures;
        sandbox.Exchange.OpenOrders("trader", venue).Where(o => o.ClientOrderId == "lost-once").ShouldHaveSingleItem();
    }
}
