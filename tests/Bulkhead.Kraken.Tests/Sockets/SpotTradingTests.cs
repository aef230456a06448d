using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Account;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>Spot v2 private channels and every Spot order method, over real sockets against the sandbox.</summary>
public sealed class SpotTradingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Executions_RestAndSocketOrdersAndAFill_StreamEventsAndBalances()
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader", usd: 100_000m, btc: 0m, flexUsd: 0m);
        sandbox.Account("taker", usd: 0m, btc: 1m, flexUsd: 0m);
        var client = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: true, sandbox.Tokens("trader"));
        var executions = (await client.SubscribeExecutionsAsync(cancellationToken: Ct)).GetValueOrThrow();
        var balances = (await client.SubscribeBalancesAsync(Ct)).GetValueOrThrow();

        var snapshot = await executions.Reader.NextAsync();
        snapshot.IsSnapshot.ShouldBeTrue();
        snapshot.Items.ShouldBeEmpty();
        snapshot.Session.ShouldBe(1);
        var held = await balances.Reader.NextAsync();
        held.IsSnapshot.ShouldBeTrue();
        held.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(b => b.Asset.ShouldBe("USD"), b => b.Balance.ShouldBe(100_000m));

        // An order placed over REST streams on the socket.
        var rest = (await sandbox.SpotClient("trader").AddOrderAsync(new OrderRequest { Pair = "XBTUSD", Side = OrderSide.Buy, Volume = 0.01m, Price = 10_000m }, Ct)).GetValueOrThrow();
        var restId = rest.OrderIds.ShouldHaveSingleItem();
        await executions.Reader.UntilAsync(b => b.Items.Any(e => e.OrderId == restId && e.ExecType == ExecutionType.New), "the REST order's new event");

        // An order placed on the socket, then filled by another account.
        var placed = (await client.AddOrderAsync(new SocketOrderRequest { Symbol = "BTC/USD", Side = OrderSide.Buy, Quantity = 0.02m, LimitPrice = 50_000m, ClientOrderId = "sock-1" }, Ct)).GetValueOrThrow();
        placed.ClientOrderId.ShouldBe("sock-1");
        placed.RecoveredFrom.ShouldBeNull();
        var live = await executions.Reader.UntilAsync(b => b.Items.Any(e => e.OrderId == placed.OrderId && e.ExecType == ExecutionType.New), "the socket order's new event");
        live.Items.First(e => e.OrderId == placed.OrderId).ClientOrderId.ShouldBe("sock-1");

        sandbox.Exchange.PlaceOrder(new SandboxOrderRequest("taker", TradingVenue.Spot, SocketSandbox.SpotPair, Bulkhead.Sandbox.Matching.Side.Sell, Bulkhead.Sandbox.Matching.OrderKind.Market, 0.02m)).Success.ShouldBeTrue();
        var fill = (await executions.Reader.UntilAsync(b => b.Items.Any(e => e.OrderId == placed.OrderId && e.ExecType == ExecutionType.Trade), "the fill")).Items.First(e => e.ExecType == ExecutionType.Trade);
        fill.LastQuantity.ShouldBe(0.02m);
        fill.LastPrice.ShouldBe(50_000m);
        fill.ExecutionId.ShouldNotBeNullOrEmpty();
        fill.Fees.ShouldHaveSingleItem().Quantity.ShouldBeGreaterThan(0m);
        fill.LiquidityIndicator.ShouldBe("m");
        await executions.Reader.UntilAsync(b => b.Items.Any(e => e.OrderId == placed.OrderId && e.ExecType == ExecutionType.Filled), "the filled event");

        var btc = await balances.Reader.UntilAsync(b => b.Items.Any(i => i.Asset == "BTC"), "the BTC credit");
        var entry = btc.Items.First(i => i.Asset == "BTC").Entry.ShouldNotBeNull();
        entry.Amount.ShouldBe(0.02m);
        entry.Type.ShouldBe("trade");
        entry.Balance.ShouldBe(0.02m);
    }

    [Fact]
    public async Task EveryOrderMethod_Spot_ActsOnTheExchange()
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader", usd: 1_000_000m, btc: 0m, flexUsd: 0m);
        var journal = new RecordingJournal();
        var client = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: true, sandbox.Tokens("trader"), o => o.CallJournal = journal);
        IReadOnlyList<SandboxOrder> Open() => sandbox.Exchange.OpenOrders("trader", TradingVenue.Spot);
        SocketOrderRequest Buy(decimal price, string? id = null) => new() { Symbol = "BTC/USD", Side = OrderSide.Buy, Quantity = 0.01m, LimitPrice = price, ClientOrderId = id };

        var checkedOnly = (await client.AddOrderAsync(Buy(10_000m) with { ValidateOnly = true }, Ct)).GetValueOrThrow();
        checkedOnly.OrderId.ShouldBeEmpty();
        Open().ShouldBeEmpty();

        var a = (await client.AddOrderAsync(Buy(10_000m, "a") with { UserReference = 7 }, Ct)).GetValueOrThrow();
        Open().ShouldHaveSingleItem().ShouldSatisfyAllConditions(o => o.Id.ShouldBe(a.OrderId), o => o.ClientOrderId.ShouldBe("a"), o => o.UserRef.ShouldBe(7));

        var batch = (await client.BatchAddAsync([Buy(10_100m, "b"), Buy(10_200m, "c")], cancellationToken: Ct)).GetValueOrThrow();
        batch.Select(r => r.ClientOrderId).ShouldBe(["b", "c"]);
        batch.ShouldAllBe(r => r.Error == null && r.OrderId != null);
        Open().Count.ShouldBe(3);

        var amended = (await client.AmendOrderAsync(new SocketAmendRequest { OrderId = a.OrderId, Quantity = 0.03m, LimitPrice = 10_050m }, Ct)).GetValueOrThrow();
        amended.AmendId.ShouldNotBeNullOrEmpty();
        Open().Single(o => o.Id == a.OrderId).ShouldSatisfyAllConditions(o => o.Volume.ShouldBe(0.03m), o => o.Price.ShouldBe(10_050m));
        (await client.AmendOrderAsync(new SocketAmendRequest { ClientOrderId = "b", LimitPrice = 10_150m }, Ct)).GetValueOrThrow().ClientOrderId.ShouldBe("b");
        Open().Single(o => o.ClientOrderId == "b").Price.ShouldBe(10_150m);

        var edited = (await client.EditOrderAsync(new SocketEditRequest(a.OrderId, "BTC/USD") { LimitPrice = 10_060m }, Ct)).GetValueOrThrow();
        edited.OriginalOrderId.ShouldBe(a.OrderId);
        Open().ShouldNotContain(o => o.Id == a.OrderId);
        Open().Single(o => o.Id == edited.OrderId).Price.ShouldBe(10_060m);

        var byId = (await client.CancelOrdersAsync([edited.OrderId, "OAAAAA-BBBBB-CCCCCC"], Ct)).GetValueOrThrow();
        byId.Cancelled.ShouldBe([edited.OrderId]);
        byId.Unknown.ShouldBe(["OAAAAA-BBBBB-CCCCCC"]);
        var byClientId = (await client.CancelOrdersByClientOrderIdAsync(["b"], Ct)).GetValueOrThrow();
        byClientId.Cancelled.ShouldBe(["b"]);
        Open().ShouldHaveSingleItem().ClientOrderId.ShouldBe("c");

        (await client.AddOrderAsync(Buy(10_300m, "d"), Ct)).Success.ShouldBeTrue();
        (await client.AddOrderAsync(Buy(10_400m, "e"), Ct)).Success.ShouldBeTrue();
        (await client.BatchCancelAsync([Open().Single(o => o.ClientOrderId == "c").Id], ["d"], Ct)).GetValueOrThrow().ShouldBe(2);
        Open().ShouldHaveSingleItem().ClientOrderId.ShouldBe("e");
        (await client.CancelAllAsync(Ct)).GetValueOrThrow().ShouldBe(1);
        Open().ShouldBeEmpty();

        var armed = (await client.CancelAllOrdersAfterAsync(TimeSpan.FromSeconds(60), Ct)).GetValueOrThrow();
        armed.TriggerTime!.Value.ShouldBe(sandbox.Time.GetUtcNow().AddSeconds(60), TimeSpan.FromSeconds(1));
        (await client.CancelAllOrdersAfterAsync(TimeSpan.Zero, Ct)).GetValueOrThrow().TriggerTime.ShouldBeNull();

        var refused = await client.AddOrderAsync(Buy(10_000m) with { Quantity = 1_000m }, Ct);
        refused.Success.ShouldBeFalse();
        refused.Error!.Code.ShouldStartWith("EOrder:Insufficient funds");

        journal.Records.Select(r => r.Endpoint).ShouldContain("connect");
        journal.Records.Count(r => r.Endpoint == "add_order").ShouldBe(5);
        journal.Records.ShouldAllBe(r => r.KeyName == "trader" && r.Venue == "spot-ws");
        journal.Records.Single(r => r.Endpoint == "add_order" && !r.Succeeded).ErrorCode.ShouldStartWith("EOrder:Insufficient funds");
    }

    [Fact]
    public async Task Requests_FiftyConcurrentOrders_EachAnswerMatchesItsRequest()
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader", usd: 1_000_000m, btc: 0m, flexUsd: 0m);
        var client = await sandbox.ConnectAsync(SocketProtocol.SpotV2, isPrivate: true, sandbox.Tokens("trader"));

        var orders = Enumerable.Range(0, 50).Select(i => new SocketOrderRequest
        {
            Symbol = "BTC/USD",
            Side = OrderSide.Buy,
            Quantity = 0.001m + (i * 0.0001m),
            LimitPrice = 10_000m + i,
            ClientOrderId = $"c-{i}",
        }).ToList();
        var acks = await Task.WhenAll(orders.Select(o => client.AddOrderAsync(o, Ct)));

        var open = sandbox.Exchange.OpenOrders("trader", TradingVenue.Spot).ToDictionary(o => o.Id);
        open.Count.ShouldBe(50);
        for (var i = 0; i < orders.Count; i++)
        {
            var ack = acks[i].GetValueOrThrow();
            ack.ClientOrderId.ShouldBe(orders[i].ClientOrderId);
            open[ack.OrderId].ShouldSatisfyAllConditions(
                o => o.ClientOrderId.ShouldBe(orders[i].ClientOrderId),
                o => o.Price.ShouldBe(orders[i].LimitPrice),
                o => o.Volume.ShouldBe(orders[i].Quantity));
        }

        client.GetStats().PendingRequests.ShouldBe(0);
    }
}
