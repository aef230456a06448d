using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Sockets;
using Bulkhead.Kraken.Sockets.Account;
using Bulkhead.Kraken.Sockets.Trading;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Trading;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Sockets;

/// <summary>The Unified WebSocket's private channels and order methods for derivatives, over real sockets against the sandbox.</summary>
public sealed class UnifiedTradingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOrderMethod_Unified_ActsOnTheExchange()
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader", usd: 0m, btc: 0m, flexUsd: 100_000m);
        var client = await sandbox.ConnectAsync(SocketProtocol.Unified, isPrivate: true, sandbox.Tokens("trader"));
        IReadOnlyList<SandboxOrder> Open() => sandbox.Exchange.OpenOrders("trader", TradingVenue.Futures);
        SocketOrderRequest Buy(decimal price, string? id = null) => new() { Symbol = SocketSandbox.Perpetual, Side = OrderSide.Buy, Quantity = 0.01m, LimitPrice = price, ClientOrderId = id };

        (await client.AddOrderAsync(Buy(99_000m) with { ValidateOnly = true }, Ct)).GetValueOrThrow().OrderId.ShouldBeEmpty();
        Open().ShouldBeEmpty();

        var a = (await client.AddOrderAsync(Buy(99_000m, "ua"), Ct)).GetValueOrThrow();
        Guid.TryParse(a.OrderId, out _).ShouldBeTrue(a.OrderId);
        Open().ShouldHaveSingleItem().ClientOrderId.ShouldBe("ua");

        var batch = (await client.BatchAddAsync([Buy(98_000m, "ub"), Buy(97_000m, "uc")], cancellationToken: Ct)).GetValueOrThrow();
        batch.ShouldAllBe(r => r.Error == null && r.OrderId != null);
        Open().Count.ShouldBe(3);

        var amended = (await client.AmendOrderAsync(new SocketAmendRequest { OrderId = a.OrderId, Quantity = 0.02m, LimitPrice = 99_100m }, Ct)).GetValueOrThrow();
        amended.OrderId.ShouldBe(a.OrderId);
        Open().Single(o => o.ClientOrderId == "ua").ShouldSatisfyAllConditions(o => o.Volume.ShouldBe(0.02m), o => o.Price.ShouldBe(99_100m));
        (await client.AmendOrderAsync(new SocketAmendRequest { ClientOrderId = "ub", LimitPrice = 98_100m }, Ct)).Success.ShouldBeTrue();
        Open().Single(o => o.ClientOrderId == "ub").Price.ShouldBe(98_100m);

        // The Unified WebSocket has no edit_order: the exchange says so, and nothing changes.
        var edit = await client.EditOrderAsync(new SocketEditRequest(a.OrderId, SocketSandbox.Perpetual) { LimitPrice = 99_200m }, Ct);
        edit.Success.ShouldBeFalse();
        edit.Error!.Code.ShouldBe("Method not found");

        // An unknown id refuses the whole Unified cancel: nothing is cancelled.
        var unknown = await client.CancelOrdersAsync([a.OrderId, Guid.NewGuid().ToString()], Ct);
        unknown.Error!.Code.ShouldBe(KrakenErrors.UnknownOrder);
        Open().Count.ShouldBe(3);
        (await client.CancelOrdersAsync([a.OrderId], Ct)).GetValueOrThrow().Cancelled.ShouldBe([a.OrderId]);
        (await client.CancelOrdersByClientOrderIdAsync(["ub"], Ct)).GetValueOrThrow().Cancelled.ShouldBe(["ub"]);
        Open().ShouldHaveSingleItem().ClientOrderId.ShouldBe("uc");

        var d = (await client.AddOrderAsync(Buy(96_000m, "ud"), Ct)).GetValueOrThrow();
        (await client.AddOrderAsync(Buy(95_000m, "ue"), Ct)).Success.ShouldBeTrue();
        (await client.BatchCancelAsync([d.OrderId], ["uc"], Ct)).GetValueOrThrow().ShouldBe(2);
        (await client.CancelAllAsync(Ct)).GetValueOrThrow().ShouldBe(1);
        Open().ShouldBeEmpty();

        (await client.CancelAllOrdersAfterAsync(TimeSpan.FromSeconds(30), Ct)).GetValueOrThrow().TriggerTime.ShouldNotBeNull();
        (await client.CancelAllOrdersAfterAsync(TimeSpan.Zero, Ct)).GetValueOrThrow().TriggerTime.ShouldBeNull();

        (await client.SetLeveragePreferenceAsync(SocketSandbox.Perpetual, 5m, Ct)).GetValueOrThrow().ShouldBe(new LeveragePreference(SocketSandbox.Perpetual, 5m));
        (await client.SetLeveragePreferenceAsync(SocketSandbox.Perpetual, null, Ct)).GetValueOrThrow().MaxLeverage.ShouldBeNull();
        (await client.SetLeveragePreferenceAsync(SocketSandbox.Perpetual, 500m, Ct)).Error!.Code.ShouldBe("Leverage is outside the permitted range for this market");
    }

    [Fact]
    public async Task AccountChannels_AFill_StreamExecutionsPositionsMarginLedgersAndBalances()
    {
        await using var sandbox = await SocketSandbox.StartAsync();
        sandbox.Account("trader", usd: 0m, btc: 0m, flexUsd: 100_000m);
        sandbox.Account("maker", usd: 0m, btc: 0m, flexUsd: 100_000m);
        var client = await sandbox.ConnectAsync(SocketProtocol.Unified, isPrivate: true, sandbox.Tokens("trader"));
        var executions = (await client.SubscribeExecutionsAsync(new ExecutionsSubscription(SnapTrades: true), Ct)).GetValueOrThrow();
        var positions = (await client.SubscribePositionsAsync(cancellationToken: Ct)).GetValueOrThrow();
        var margin = (await client.SubscribeMarginAsync(Ct)).GetValueOrThrow();
        var ledgers = (await client.SubscribeLedgersAsync(Ct)).GetValueOrThrow();
        var balances = (await client.SubscribeBalancesAsync(Ct)).GetValueOrThrow();

        (await executions.Reader.NextAsync()).ShouldSatisfyAllConditions(b => b.IsSnapshot.ShouldBeTrue(), b => b.Items.ShouldBeEmpty(), b => b.Sequence.ShouldNotBeNull());
        (await positions.Reader.NextAsync()).ShouldSatisfyAllConditions(b => b.IsSnapshot.ShouldBeTrue(), b => b.Items.ShouldBeEmpty());
        (await margin.Reader.NextAsync()).Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(m => m.Kind.ShouldBe("multi_collateral"), m => m.PortfolioValue.ShouldBe(100_000m), m => m.MarginLevel.ShouldBeNull());
        (await balances.Reader.NextAsync()).Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(b => b.Asset.ShouldBe("USD"), b => b.Balance.ShouldBe(100_000m), b => b.Wallets.ShouldContain(w => w.Id == "flex"));

        sandbox.Exchange.PlaceFuturesOrder(new FuturesOrderCommand("maker", SocketSandbox.Perpetual, Bulkhead.Sandbox.Matching.Side.Sell, FuturesOrderKind.Limit, 0.05m, 100_000m, false, null)).Order.ShouldNotBeNull();
        var placed = (await client.AddOrderAsync(new SocketOrderRequest { Symbol = SocketSandbox.Perpetual, Side = OrderSide.Buy, Quantity = 0.05m, LimitPrice = 100_000m, ClientOrderId = "long-1" }, Ct)).GetValueOrThrow();

        var fill = (await executions.Reader.UntilAsync(b => b.Items.Any(e => e.ExecType == ExecutionType.Trade), "the fill")).Items.First(e => e.ExecType == ExecutionType.Trade);
        fill.ShouldSatisfyAllConditions(
            e => e.OrderId.ShouldBe(placed.OrderId),
            e => e.ClientOrderId.ShouldBe("long-1"),
            e => e.LastQuantity.ShouldBe(0.05m),
            e => e.LastPrice.ShouldBe(100_000m),
            e => e.LiquidityIndicator.ShouldBe("t"),
            e => e.Fees.ShouldHaveSingleItem().Quantity.ShouldBeGreaterThan(0m));
        var position = (await positions.Reader.UntilAsync(b => b.Items.Any(p => p.Size > 0m), "the position")).Items.Single();
        position.ShouldSatisfyAllConditions(p => p.Symbol.ShouldBe(SocketSandbox.Perpetual), p => p.Direction.ShouldBe(PositionDirection.Long), p => p.Size.ShouldBe(0.05m), p => p.EntryPrice.ShouldBe(100_000m));
        var afterFill = await margin.Reader.UntilAsync(b => b.Items[0].MaintenanceMargin > 0m, "margin with a position");
        afterFill.Items[0].MarginLevel.ShouldNotBeNull();
        var fee = (await ledgers.Reader.UntilAsync(b => b.Items.Any(l => l.Symbol == SocketSandbox.Perpetual), "the fill's ledger entry")).Items.First(l => l.Symbol == SocketSandbox.Perpetual);
        fee.ShouldSatisfyAllConditions(l => l.Fee.ShouldBeGreaterThan(0m), l => l.TradePrice.ShouldBe(100_000m), l => l.WalletId.ShouldBe("flex"));
        (await balances.Reader.UntilAsync(b => !b.IsSnapshot, "a balance update")).Items.ShouldAllBe(b => b.Entry != null && b.Entry.WalletType == "derivatives");
    }
}
