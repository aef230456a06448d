using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets.Spot;

/// <summary>The Spot private channels <c>executions</c> and <c>balances</c>: snapshots, updates, sequences, number formats.</summary>
public sealed class SpotSocketChannelTests
{
    [Fact]
    public async Task Executions_Snapshot_OrdersThenFillsInTwoFramesWithSequence()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var (makerKey, takerKey) = Counterparties(sandbox);
        var resting = (await sandbox.PrivateAsync(makerKey, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.2&price=50000&userref=4")).ShouldSucceed().GetProperty("txid")[0].GetString()!;
        (await sandbox.PrivateAsync(takerKey, "AddOrder", "pair=XBTUSD&type=sell&ordertype=market&volume=0.05")).ShouldSucceed();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, makerKey);

        var ack = await session.OkAsync("subscribe", """{"channel":"executions","snap_trades":true}""");

        ack.GetProperty("channel").GetString().ShouldBe("executions");
        var orders = await session.Client.ChannelAsync("executions", "snapshot");
        var fills = await session.Client.ChannelAsync("executions", "snapshot");
        fills.GetProperty("sequence").GetInt64().ShouldBe(orders.GetProperty("sequence").GetInt64() + 1);
        var order = orders.GetProperty("data").EnumerateArray().ShouldHaveSingleItem();
        order.GetProperty("order_id").GetString().ShouldBe(resting);
        order.GetProperty("exec_type").GetString().ShouldBe("new");
        order.GetProperty("order_status").GetString().ShouldBe("partially_filled");
        order.GetProperty("order_userref").GetInt64().ShouldBe(4);
        SpotPrivateSession.Raw(order, "order_qty").ShouldBe("0.20000000");
        SpotPrivateSession.Raw(order, "cum_qty").ShouldBe("0.05000000");
        SpotPrivateSession.Raw(order, "cum_cost").ShouldBe("2500.00000");
        SpotPrivateSession.Raw(order, "avg_price").ShouldBe("50000.0");
        var fill = fills.GetProperty("data").EnumerateArray().ShouldHaveSingleItem();
        fill.GetProperty("exec_type").GetString().ShouldBe("trade");
        fill.GetProperty("exec_id").GetString().ShouldStartWith("T");
        fill.GetProperty("liquidity_ind").GetString().ShouldBe("m");
        SpotPrivateSession.Raw(fill, "last_qty").ShouldBe("0.05000000");
        SpotPrivateSession.Raw(fill, "last_price").ShouldBe("50000.0");
        SpotPrivateSession.Raw(fill, "cost").ShouldBe("2500.00000");
        var fee = fill.GetProperty("fees").EnumerateArray().ShouldHaveSingleItem();
        fee.GetProperty("asset").GetString().ShouldBe("USD");
        SpotPrivateSession.Raw(fee, "qty").ShouldBe("6.2500");
    }

    [Fact]
    public async Task Executions_Fill_StreamsTradeThenFilledOnBothSides()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var (makerKey, takerKey) = Counterparties(sandbox);
        await using var maker = await SpotPrivateSession.OpenAsync(sandbox, makerKey);
        await using var taker = await SpotPrivateSession.OpenAsync(sandbox, takerKey);
        await maker.OkAsync("subscribe", """{"channel":"executions","snap_orders":false}""");
        await taker.OkAsync("subscribe", """{"channel":"executions","snap_orders":false}""");
        var bid = (await maker.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000}""")).GetProperty("order_id").GetString()!;

        var ask = (await taker.OkAsync("add_order", """{"order_type":"market","side":"sell","order_qty":0.1,"symbol":"BTC/USD"}""")).GetProperty("order_id").GetString()!;

        await taker.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "filled");
        taker.ExecTypes(ask).ShouldBe(["pending_new", "new", "trade", "filled"]);
        var takerTrade = taker.Items("executions").Single(i => i.GetProperty("exec_type").GetString() == "trade");
        takerTrade.GetProperty("liquidity_ind").GetString().ShouldBe("t");
        takerTrade.GetProperty("order_status").GetString().ShouldBe("filled");
        SpotPrivateSession.Raw(takerTrade.GetProperty("fees")[0], "qty").ShouldBe("20.0000");
        await maker.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "filled");
        maker.ExecTypes(bid).ShouldBe(["pending_new", "new", "trade", "filled"]);
        var makerTrade = maker.Items("executions").Single(i => i.GetProperty("exec_type").GetString() == "trade");
        makerTrade.GetProperty("liquidity_ind").GetString().ShouldBe("m");
        makerTrade.GetProperty("exec_id").GetString().ShouldBe(takerTrade.GetProperty("exec_id").GetString());
        SpotPrivateSession.Raw(makerTrade, "cum_qty").ShouldBe("0.10000000");
        var sequences = maker.Client.Seen.Where(e => e.TryGetProperty("sequence", out _)).Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        sequences.ShouldBe([.. Enumerable.Range(1, sequences.Count).Select(i => (long)i)]);
    }

    [Fact]
    public async Task Executions_OrderStatusFalse_StreamsOnlyOpenAndCloseTransitions()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 100_000m)));
        await session.OkAsync("subscribe", """{"channel":"executions","order_status":false}""");
        var orderId = (await session.OkAsync("add_order", """{"order_type":"limit","side":"buy","order_qty":0.1,"symbol":"BTC/USD","limit_price":50000}""")).GetProperty("order_id").GetString()!;
        await session.OkAsync("amend_order", $$"""{"order_id":"{{orderId}}","order_qty":0.2}""");

        await session.OkAsync("cancel_order", $$"""{"order_id":["{{orderId}}"]}""");

        await session.ExecutionAsync(i => i.GetProperty("exec_type").GetString() == "canceled");
        session.ExecTypes(orderId).ShouldBe(["new", "canceled"]);
    }

    [Fact]
    public async Task Executions_SubscribeTwice_AlreadySubscribed_UnsubscribeTwice_NotFound()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sandbox.Master("desk", 10_000m)));
        await session.OkAsync("subscribe", """{"channel":"executions"}""");

        (await session.ErrorAsync("subscribe", """{"channel":"executions"}""")).ShouldBe(SocketErrors.AlreadySubscribed);
        (await session.ErrorAsync("subscribe", """{"channel":"executions","users":"all"}""")).ShouldBe("Unsupported field: 'users'");
        (await session.ErrorAsync("subscribe", """{"channel":"executions","snap_orders":1}""")).ShouldBe("Invalid 'params.snap_orders'");
        await session.OkAsync("unsubscribe", """{"channel":"executions"}""");
        (await session.ErrorAsync("unsubscribe", """{"channel":"executions"}""")).ShouldBe(SocketErrors.SubscriptionNotFound);
    }

    [Fact]
    public async Task Executions_OnPublicEndpoint_IsNotServed()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        await using var client = await SocketClient.ConnectAsync(sandbox.BaseUrl, "/v2");

        await client.SendAsync("""{"method":"subscribe","params":{"channel":"executions","token":"x"},"req_id":1}""");
        (await client.ResponseAsync(1)).GetProperty("error").GetString().ShouldBe(SocketErrors.SubscriptionNameInvalid);
        await client.SendAsync("""{"method":"add_order","params":{"token":"x"},"req_id":2}""");
        (await client.ResponseAsync(2)).GetProperty("error").GetString().ShouldBe(SocketErrors.MethodNotFound);
    }

    [Fact]
    public async Task Balances_SnapshotThenOneUpdatePerLedgerEntry()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var desk = sandbox.Master("desk", 10_000m);
        sandbox.Exchange.Deposit(desk, Wallet.Spot, "XXBT", 0.5m).Success.ShouldBeTrue();
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(desk));

        var ack = await session.OkAsync("subscribe", """{"channel":"balances"}""");

        ack.GetProperty("channel").GetString().ShouldBe("balances");
        var snapshot = await session.Client.ChannelAsync("balances", "snapshot");
        snapshot.GetProperty("sequence").GetInt64().ShouldBe(1);
        var assets = snapshot.GetProperty("data").EnumerateArray().ToDictionary(a => a.GetProperty("asset").GetString()!);
        assets.Keys.ShouldBe(["BTC", "USD"], ignoreOrder: true);
        SpotPrivateSession.Raw(assets["USD"], "balance").ShouldBe("10000.0000");
        SpotPrivateSession.Raw(assets["BTC"], "balance").ShouldBe("0.5000000000");
        assets["USD"].GetProperty("asset_class").GetString().ShouldBe("currency");
        var wallet = assets["USD"].GetProperty("wallets").EnumerateArray().ShouldHaveSingleItem();
        (wallet.GetProperty("type").GetString(), wallet.GetProperty("id").GetString(), SpotPrivateSession.Raw(wallet, "balance")).ShouldBe(("spot", "main", "10000.0000"));

        sandbox.Exchange.Deposit(desk, Wallet.Spot, "ZUSD", 250.5m).Success.ShouldBeTrue();

        var update = await session.Client.ChannelAsync("balances", "update");
        update.GetProperty("sequence").GetInt64().ShouldBe(2);
        var entry = update.GetProperty("data").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("ledger_id").GetString().ShouldStartWith("L");
        entry.GetProperty("ref_id").GetString().ShouldNotBeNullOrEmpty();
        entry.GetProperty("type").GetString().ShouldBe("deposit");
        entry.GetProperty("category").GetString().ShouldBe("deposit");
        entry.GetProperty("asset").GetString().ShouldBe("USD");
        entry.GetProperty("wallet_type").GetString().ShouldBe("spot");
        entry.GetProperty("wallet_id").GetString().ShouldBe("main");
        entry.GetProperty("timestamp").GetString().ShouldBe("2026-01-05T12:00:00.000000Z");
        (SpotPrivateSession.Raw(entry, "amount"), SpotPrivateSession.Raw(entry, "fee"), SpotPrivateSession.Raw(entry, "balance")).ShouldBe(("250.5000", "0.0000", "10250.5000"));
    }

    [Fact]
    public async Task Balances_TradeStreamsBothLegs_FuturesWalletDoesNot()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var (makerKey, takerKey) = Counterparties(sandbox);
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, makerKey);
        await session.OkAsync("subscribe", """{"channel":"balances","snapshot":false}""");
        (await sandbox.PrivateAsync(makerKey, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000")).ShouldSucceed();

        (await sandbox.PrivateAsync(takerKey, "AddOrder", "pair=XBTUSD&type=sell&ordertype=market&volume=0.1")).ShouldSucceed();
        sandbox.Exchange.Transfer("maker", Wallet.Spot, "maker", Wallet.FuturesCash, "ZUSD", 100m).Success.ShouldBeTrue();

        await session.Client.WaitForAsync(_ => session.Items("balances").Count >= 3);
        var entries = session.Items("balances");
        entries.Count.ShouldBe(3);
        entries.Take(2).Select(e => (e.GetProperty("type").GetString(), e.GetProperty("asset").GetString())).ShouldBe([("trade", "USD"), ("trade", "BTC")], ignoreOrder: true);
        var usd = entries.First(e => e.GetProperty("asset").GetString() == "USD");
        (SpotPrivateSession.Raw(usd, "amount"), SpotPrivateSession.Raw(usd, "fee"), SpotPrivateSession.Raw(usd, "balance")).ShouldBe(("-5000.0000", "12.5000", "94987.5000"));
        entries[2].GetProperty("type").GetString().ShouldBe("transfer");
        SpotPrivateSession.Raw(entries[2], "amount").ShouldBe("-100.0000");
        session.Client.Seen.Any(e => e.TryGetProperty("type", out var t) && t.GetString() == "snapshot").ShouldBeFalse();
    }

    private static (TestKey Maker, TestKey Taker) Counterparties(SpotSandbox sandbox)
    {
        var maker = sandbox.Master("maker", 100_000m);
        var taker = sandbox.Master("taker");
        sandbox.Exchange.Deposit(taker, Wallet.Spot, "XXBT", 1m).Success.ShouldBeTrue();
        return (sandbox.Key(maker), sandbox.Key(taker));
    }
}
