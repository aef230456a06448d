using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>
/// Chaos from the sandbox's own socket faults (<c>POST /admin/faults</c>): corrupted book checksums, every connection
/// dropped, a connection dropped between an order's execution and its answer, frames held back.
/// </summary>
public sealed class SandboxFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SocketProtocol.SpotV2, SocketSandbox.SpotSymbol, 10)]
    [InlineData(SocketProtocol.Unified, SocketSandbox.Perpetual, 25)]
    public async Task Book_ForcedChecksumMismatch_ResubscribesAndTheBookIsRightAgain(SocketProtocol protocol, string symbol, int depth)
    {
        await using var sandbox = await SocketSandbox.StartAsync(market: true, seed: 5, depthLevels: 40);
        var client = await sandbox.ConnectAsync(protocol, isPrivate: false);
        var book = (await client.SubscribeBookAsync(symbol, depth, Ct)).GetValueOrThrow();
        var venue = protocol == SocketProtocol.SpotV2 ? TradingVenue.Spot : TradingVenue.Futures;
        var id = protocol == SocketProtocol.SpotV2 ? SocketSandbox.SpotPair : SocketSandbox.Perpetual;
        sandbox.Step(3);
        await BookFeedTests.MatchesAsync(book, () => sandbox.Exchange.Depth(venue, id, depth));
        book.Resyncs.ShouldBe(0);

        await sandbox.FaultsAsync("""{"corruptBookChecksum":1}""");
        for (var i = 0; i < 30 && book.Resyncs == 0; i++)
        {
            sandbox.Step(1);
            await Eventually.TrueAsync(() => book.Resyncs > 0 || BooksEqual(book, sandbox.Exchange.Depth(venue, id, depth)), "the step reached the client");
        }

        book.Resyncs.ShouldBe(1);
        await BookFeedTests.MatchesAsync(book, () => sandbox.Exchange.Depth(venue, id, depth));
        sandbox.Step(20);
        await BookFeedTests.MatchesAsync(book, () => sandbox.Exchange.Depth(venue, id, depth));
        client.GetStats().ShouldSatisfyAllConditions(s => s.BookResyncs.ShouldBe(1), s => s.Reconnects.ShouldBe(0));
    }

    [Fact]
    public async Task DropSockets_EveryConnection_ClientsReconnectResubscribeAndResynchroniseBooks()
    {
        await using var sandbox = await SocketSandbox.StartAsync(market: true, seed: 3, depthLevels: 40);
        sandbox.Account("trader", usd: 100_000m, btc: 0m, flexUsd: 100_000m);
        var spot = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: false);
        var unified = await sandbox.ConnectAsync(SocketProtocol.Unified, isPrivate: false);
        var account = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: true, sandbox.Tokens("trader"));
        var spotBook = (await spot.SubscribeBookAsync(SocketSandbox.SpotSymbol, 10, Ct)).GetValueOrThrow();
        var futuresBook = (await unified.SubscribeBookAsync(SocketSandbox.Perpetual, 25, Ct)).GetValueOrThrow();
        var ticker = (await spot.SubscribeTickerAsync(SocketSandbox.SpotSymbol, cancellationToken: Ct)).GetValueOrThrow();
        var executions = (await account.SubscribeExecutionsAsync(cancellationToken: Ct)).GetValueOrThrow();
        (await executions.Reader.NextAsync()).Session.ShouldBe(1);
        sandbox.Step(5);
        await BookFeedTests.MatchesAsync(spotBook, () => sandbox.Exchange.Depth(TradingVenue.Spot, SocketSandbox.SpotPair, 10));

        await sandbox.FaultsAsync("""{"dropSockets":true}""");
        sandbox.Step(20);

        foreach (var client in new[] { spot, unified, account })
        {
            await Eventually.TrueAsync(() => client.GetStats() is { Reconnects: 1, State: SocketConnectionState.Connected }, $"{client} reconnects");
        }

        await BookFeedTests.MatchesAsync(spotBook, () => sandbox.Exchange.Depth(TradingVenue.Spot, SocketSandbox.SpotPair, 10));
        await BookFeedTests.MatchesAsync(futuresBook, () => sandbox.Exchange.Depth(TradingVenue.Futures, SocketSandbox.Perpetual, 25));
        (await ticker.Reader.UntilAsync(b => b.Session == 2, "a ticker snapshot on the new connection")).IsSnapshot.ShouldBeTrue();
        (await executions.Reader.UntilAsync(b => b.Session == 2, "an executions snapshot on the new connection")).IsSnapshot.ShouldBeTrue();

        // The renewed subscriptions flow: the market moves the books again, an order streams again.
        sandbox.Step(10);
        await BookFeedTests.MatchesAsync(spotBook, () => sandbox.Exchange.Depth(TradingVenue.Spot, SocketSandbox.SpotPair, 10));
        await BookFeedTests.MatchesAsync(futuresBook, () => sandbox.Exchange.Depth(TradingVenue.Futures, SocketSandbox.Perpetual, 25));
        var order = (await account.AddOrderAsync(new SocketOrderRequest { Symbol = SocketSandbox.SpotSymbol, Side = OrderSide.Buy, Quantity = 0.01m, LimitPrice = 1_000m }, Ct)).GetValueOrThrow();
        await executions.Reader.UntilAsync(b => b.Items.Any(e => e.OrderId == order.OrderId), "the order's events after the reconnect");
        spotBook.Resyncs.ShouldBe(0);
    }

    [Theory]
    [InlineData(SocketProtocol.SpotV2, SocketSandbox.SpotSymbol, 10_000)]
    [InlineData(SocketProtocol.Unified, SocketSandbox.Perpetual, 90_000)]
    public async Task AddOrder_DroppedBetweenExecutionAndAck_LooksItUpAndPlacesExactlyOneOrder(SocketProtocol protocol, string symbol, int price)
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader");
        var client = await sandbox.ConnectAsync(protocol, isPrivate: true, sandbox.Tokens("trader"));
        await sandbox.FaultsAsync("""{"dropBeforeAck":1}""");

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
        (await client.AddOrderAsync(new SocketOrderRequest { Symbol = symbol, Side = OrderSide.Buy, Quantity = 0.01m, LimitPrice = price - 1, ClientOrderId = "next" }, Ct)).GetValueOrThrow().RecoveredFrom.ShouldBeNull();
        sandbox.Exchange.OpenOrders("trader", venue).Count.ShouldBe(2);
    }

    [Fact]
    public async Task SocketDelay_FramesHeldBack_TheWatchdogReplacesTheSilentConnection()
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        var client = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: false, configure: o =>
        {
            o.PingInterval = TimeSpan.FromSeconds(1);
            o.SilenceTimeout = TimeSpan.FromSeconds(4);
        });
        var ticker = (await client.SubscribeTickerAsync(SocketSandbox.SpotSymbol, cancellationToken: Ct)).GetValueOrThrow();
        (await ticker.Reader.NextAsync()).Session.ShouldBe(1);

        // The delay runs on the sandbox's stopped clock: nothing it sends arrives, pongs included.
        await sandbox.FaultsAsync("""{"socketDelayMs":60000}""");
        await Eventually.TrueAsync(() => client.GetStats().SilentAborts >= 1, "the watchdog aborts the silent connection");

        await sandbox.FaultsAsync("""{"socketDelayMs":0}""");
        sandbox.Time.Advance(TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(() => client.GetStats() is { Reconnects: >= 1, State: SocketConnectionState.Connected }, "the client reconnects");
        (await ticker.Reader.UntilAsync(b => b.Session >= 2, "the ticker on a new connection")).IsSnapshot.ShouldBeTrue();
    }

    private static bool BooksEqual(Bulkhead.Kraken.Sockets.Books.BookFeed feed, (IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Bids, IReadOnlyList<(decimal Price, decimal Quantity, int Orders)> Asks) exchange) =>
        feed.Book.IsSynchronised
        && feed.Book.Bids().Select(l => (l.Price, l.Quantity)).SequenceEqual(exchange.Bids.Select(l => (l.Price, l.Quantity)))
        && feed.Book.Asks().Select(l => (l.Price, l.Quantity)).SequenceEqual(exchange.Asks.Select(l => (l.Price, l.Quantity)));
}
