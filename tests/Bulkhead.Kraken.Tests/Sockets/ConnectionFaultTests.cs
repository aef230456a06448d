using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>
/// The network failing between the client and the sandbox where the sandbox's own faults cannot (a real TCP proxy in
/// between): a connection frozen half-open, and one cut while a request is on its way to the server.
/// </summary>
public sealed class ConnectionFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
        await Eventually.TrueAsync(() => client.GetStats().SilentAborts >= 1, "the watchdog aborts the silent connection");
        await Eventually.TrueAsync(() => client.GetStats() is { Reconnects: >= 1, State: SocketConnectionState.Connected }, "the client reconnects");
        (await ticker.Reader.UntilAsync(b => b.Session >= 2, "the ticker on a new connection")).IsSnapshot.ShouldBeTrue();
        proxy.Accepted.ShouldBeGreaterThanOrEqualTo(2);
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
