using System.Globalization;
using System.Text;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Spot;

public sealed class SpotTradingApiTests
{
    [Fact]
    public async Task PlaceListAmendQueryCancel_OverHttp()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));

        var added = (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000&userref=7&cl_ord_id=abc")).ShouldSucceed();
        added.GetProperty("descr").GetProperty("order").GetString().ShouldBe("buy 0.10000000 XBTUSD @ limit 50000.0");
        var txid = added.GetProperty("txid")[0].GetString()!;
        txid.ShouldMatch("^O[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{6}$");

        var ex = (await sandbox.PrivateAsync(key, "BalanceEx")).ShouldSucceed();
        ex.GetProperty("ZUSD").GetProperty("hold_trade").GetString().ShouldBe("5020.0000");
        ex.GetProperty("ZUSD").GetProperty("balance").GetString().ShouldBe("10000.0000");

        var open = (await sandbox.PrivateAsync(key, "OpenOrders", "userref=7")).ShouldSucceed().GetProperty("open");
        var order = open.GetProperty(txid);
        (order.GetProperty("status").GetString(), order.GetProperty("vol").GetString(), order.GetProperty("cl_ord_id").GetString()).ShouldBe(("open", "0.10000000", "abc"));
        order.GetProperty("descr").GetProperty("pair").GetString().ShouldBe("XBTUSD");

        (await sandbox.PrivateAsync(key, "AmendOrder", $"txid={txid}&limit_price=49000")).ShouldSucceed().GetProperty("amend_id").GetString().ShouldNotBeNullOrEmpty();
        var queried = (await sandbox.PrivateAsync(key, "QueryOrders", $"txid={txid}&trades=true")).ShouldSucceed().GetProperty(txid);
        queried.GetProperty("descr").GetProperty("price").GetString().ShouldBe("49000.0");
        queried.GetProperty("trades").GetArrayLength().ShouldBe(0);

        (await sandbox.PrivateAsync(key, "CancelOrder", "cl_ord_id=abc")).ShouldSucceed().GetProperty("count").GetInt32().ShouldBe(1);
        (await sandbox.PrivateAsync(key, "CancelOrder", $"txid={txid}")).ShouldFailWith(KrakenErrors.UnknownOrder);
        sandbox.Time.Advance(TimeSpan.FromSeconds(10));
        var closed = (await sandbox.PrivateAsync(key, "ClosedOrders")).ShouldSucceed();
        closed.GetProperty("count").GetInt32().ShouldBe(1);
        closed.GetProperty("closed").GetProperty(txid).GetProperty("status").GetString().ShouldBe("canceled");
        (await sandbox.PrivateAsync(key, "BalanceEx")).ShouldSucceed().GetProperty("ZUSD").GetProperty("hold_trade").GetString().ShouldBe("0.0000");
    }

    [Fact]
    public async Task Fill_TradesHistoryLedgerAndFees_OverHttp()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var desk = sandbox.Master("desk");
        var mm = sandbox.Sub("mm", desk);
        var other = sandbox.Master("other");
        sandbox.Exchange.Deposit(mm, Wallet.Spot, "ZUSD", 10_000m).Success.ShouldBeTrue();
        sandbox.Exchange.Deposit(other, Wallet.Spot, "XXBT", 1m).Success.ShouldBeTrue();
        var makerKey = sandbox.Key(mm);
        var takerKey = sandbox.Key(other);

        var bid = (await sandbox.PrivateAsync(makerKey, "AddOrder", "pair=XXBTZUSD&type=buy&ordertype=limit&volume=0.1&price=50000")).ShouldSucceed().GetProperty("txid")[0].GetString()!;
        var sell = (await sandbox.PrivateAsync(takerKey, "AddOrder", "pair=XBTUSD&type=sell&ordertype=market&volume=0.1")).ShouldSucceed();
        sell.GetProperty("descr").GetProperty("order").GetString().ShouldBe("sell 0.10000000 XBTUSD @ market");

        var trades = (await sandbox.PrivateAsync(makerKey, "TradesHistory")).ShouldSucceed();
        trades.GetProperty("count").GetInt32().ShouldBe(1);
        var trade = trades.GetProperty("trades").EnumerateObject().Single();
        trade.Value.GetProperty("ordertxid").GetString().ShouldBe(bid);
        trade.Value.GetProperty("pair").GetString().ShouldBe("XXBTZUSD");
        (trade.Value.GetProperty("price").GetString(), trade.Value.GetProperty("vol").GetString(), trade.Value.GetProperty("cost").GetString(), trade.Value.GetProperty("fee").GetString())
            .ShouldBe(("50000.0", "0.10000000", "5000.00000", "12.5000"));
        trade.Value.GetProperty("maker").GetBoolean().ShouldBeTrue();
        (await sandbox.PrivateAsync(makerKey, "QueryTrades", "txid=" + trade.Name)).ShouldSucceed().GetProperty(trade.Name).GetProperty("type").GetString().ShouldBe("buy");

        var ledger = (await sandbox.PrivateAsync(makerKey, "Ledgers", "type=trade")).ShouldSucceed().GetProperty("ledger");
        var entries = ledger.EnumerateObject().Select(e => e.Value).ToList();
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.GetProperty("refid").GetString() == trade.Name && e.GetProperty("type").GetString() == "trade");
        var usd = entries.Single(e => e.GetProperty("asset").GetString() == "ZUSD");
        (usd.GetProperty("amount").GetString(), usd.GetProperty("fee").GetString(), usd.GetProperty("balance").GetString()).ShouldBe(("-5000.0000", "12.5000", "4987.5000"));
        sandbox.Exchange.Balances(SystemAccounts.Fees, Wallet.Spot)["ZUSD"].ShouldBe(12.5m + 20m);
        sandbox.Exchange.UnbalancedMovements().ShouldBeEmpty();

        var closed = (await sandbox.PrivateAsync(takerKey, "ClosedOrders", "trades=true")).ShouldSucceed().GetProperty("closed").EnumerateObject().Single().Value;
        (closed.GetProperty("status").GetString(), closed.GetProperty("vol_exec").GetString(), closed.GetProperty("fee").GetString()).ShouldBe(("closed", "0.10000000", "20.0000"));
        closed.GetProperty("trades")[0].GetString().ShouldBe(trade.Name);
    }

    [Fact]
    public async Task TypedClient_PlacesListsQueriesCancels()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        var client = sandbox.Client(key);
        var ct = TestContext.Current.CancellationToken;

        var placed = await client.AddOrderAsync(new OrderRequest { Pair = "XBTUSD", Side = OrderSide.Buy, Volume = 0.01m, Price = 40_000m, UserReference = 5 }, ct);
        placed.Success.ShouldBeTrue(placed.Error?.Message);
        var id = placed.Value!.OrderIds.ShouldHaveSingleItem();

        var open = await client.GetOpenOrdersAsync(cancellationToken: ct);
        open.Success.ShouldBeTrue(open.Error?.Message);
        open.Value!.ShouldHaveSingleItem().Id.ShouldBe(id);
        var queried = await client.QueryOrdersAsync([id], ct);
        queried.Value!.ShouldHaveSingleItem().UserReference.ShouldBe(5);
        (await client.CancelOrderAsync(id, ct)).Value.ShouldBe(1);
        var dms = await client.CancelAllOrdersAfterAsync(TimeSpan.FromSeconds(60), ct);
        dms.Success.ShouldBeTrue(dms.Error?.Message);
        dms.Value!.TriggerTime!.Value.ShouldBe(sandbox.Time.GetUtcNow().AddSeconds(60), TimeSpan.FromSeconds(1));
        var fees = await client.GetTradeVolumeAsync(["XXBTZUSD"], ct);
        fees.Success.ShouldBeTrue(fees.Error?.Message);
        fees.Value!.TakerFees["XXBTZUSD"].Percent.ShouldBe(0.40m);
        fees.Value.MakerFees["XXBTZUSD"].Percent.ShouldBe(0.25m);
    }

    [Fact]
    public async Task TypedClient_FillShowsInTradesHistoryClosedOrdersLedgerAndBalances()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var desk = sandbox.Master("desk");
        var mm = sandbox.Sub("mm", desk);
        sandbox.Exchange.Deposit(mm, Wallet.Spot, "XXBT", 1m).Success.ShouldBeTrue();
        sandbox.Exchange.Deposit(desk, Wallet.Spot, "ZUSD", 10_000m).Success.ShouldBeTrue();
        var seller = sandbox.Client(sandbox.Key(mm));
        var buyer = sandbox.Client(sandbox.Key(desk));
        var ct = TestContext.Current.CancellationToken;

        var ask = await seller.AddOrderAsync(new OrderRequest { Pair = "XXBTZUSD", Side = OrderSide.Sell, Volume = 0.05m, Price = 60_000m, Conditions = OrderConditions.PostOnly }, ct);
        ask.Success.ShouldBeTrue(ask.Error?.Message);
        var extended = await seller.GetExtendedBalancesAsync(ct);
        extended.Success.ShouldBeTrue(extended.Error?.Message);
        extended.Value!["XXBT"].HeldForTrade.ShouldBe(0.05m);
        var take = await buyer.AddOrderAsync(new OrderRequest { Pair = "XBTUSD", Side = OrderSide.Buy, Type = SpotOrderType.Market, Volume = 0.05m }, ct);
        take.Success.ShouldBeTrue(take.Error?.Message);

        sandbox.Time.Advance(TimeSpan.FromSeconds(30));
        var trades = await buyer.GetTradesHistoryAsync(cancellationToken: ct);
        trades.Success.ShouldBeTrue(trades.Error?.Message);
        var trade = trades.Value!.Items.ShouldHaveSingleItem();
        (trade.Price, trade.Volume, trade.Cost, trade.Fee, trade.IsMaker).ShouldBe((60_000m, 0.05m, 3_000m, 12m, (bool?)false));
        var closed = await seller.GetClosedOrdersAsync(cancellationToken: ct);
        closed.Success.ShouldBeTrue(closed.Error?.Message);
        var order = closed.Value!.Items.ShouldHaveSingleItem();
        (order.Status, order.ExecutedVolume, order.Fee).ShouldBe((OrderStatus.Closed, 0.05m, 7.5m));
        var ledger = await seller.GetLedgersAsync(cancellationToken: ct);
        ledger.Value!.Items.Where(e => e.Type == "trade").Select(e => (e.Asset, e.Amount, e.Fee)).ShouldBe([("ZUSD", 3_000m, 7.5m), ("XXBT", -0.05m, 0m)], ignoreOrder: true);
        (await seller.GetBalancesAsync(ct)).Value!["ZUSD"].ShouldBe(2_992.5m);
    }

    [Theory]
    [InlineData("pair=XBTUSD&type=buy&ordertype=stop-loss&volume=0.1&price=50000", "EGeneral:Invalid arguments:ordertype")]
    [InlineData("pair=XBTUSD&type=hold&ordertype=limit&volume=0.1&price=50000", "EGeneral:Invalid arguments:type")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=-1&price=50000", "EGeneral:Invalid arguments:volume")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=0.123456789&price=50000", "EGeneral:Invalid arguments:volume")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=0.1", "EGeneral:Invalid arguments:price")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000.05", "EOrder:Invalid price:XBTUSD price can only be specified up to 1 decimals.")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=0.00001&price=50000", "EOrder:Order minimum not met")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=1&price=50000", "EOrder:Insufficient funds")]
    [InlineData("pair=NOPE&type=buy&ordertype=limit&volume=1&price=50000", "EQuery:Unknown asset pair")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000&oflags=viqc", "EGeneral:Invalid arguments:viqc")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000&oflags=huh", "EGeneral:Invalid arguments:oflags")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000&timeinforce=GTD", "EGeneral:Invalid arguments:expiretm")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000&stptype=never", "EGeneral:Invalid arguments:stptype")]
    [InlineData("pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000&userref=x", "EGeneral:Invalid arguments:userref")]
    public async Task AddOrder_Malformed_KrakenErrorAndNoStateChange(string parameters, string error)
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 1_000m));

        (await sandbox.PrivateAsync(key, "AddOrder", parameters)).ShouldFailWith(error);

        sandbox.Exchange.AllOrders().ShouldBeEmpty();
        sandbox.Exchange.Holds("desk", Wallet.Spot, "ZUSD").ShouldBe(0m);
    }

    [Fact]
    public async Task EditOrder_CancelByUserref_CancelAll_OverHttp()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        var first = (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.01&price=40000&userref=9")).ShouldSucceed().GetProperty("txid")[0].GetString()!;
        (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.01&price=41000&userref=9")).ShouldSucceed();
        (await sandbox.PrivateAsync(key, "AddOrder", "pair=ETHUSD&type=buy&ordertype=limit&volume=0.1&price=2000")).ShouldSucceed();

        var edited = (await sandbox.PrivateAsync(key, "EditOrder", $"txid={first}&pair=XBTUSD&volume=0.02&price=39000")).ShouldSucceed();
        edited.GetProperty("originaltxid").GetString().ShouldBe(first);
        edited.GetProperty("status").GetString().ShouldBe("ok");
        edited.GetProperty("descr").GetProperty("order").GetString().ShouldBe("buy 0.02000000 XBTUSD @ limit 39000.0");
        var replacement = edited.GetProperty("txid").GetString()!;
        (await sandbox.PrivateAsync(key, "EditOrder", $"txid={first}&pair=XBTUSD&volume=0.02")).ShouldFailWith(KrakenErrors.UnknownOrder);

        (await sandbox.PrivateAsync(key, "CancelOrder", "txid=9")).ShouldSucceed().GetProperty("count").GetInt32().ShouldBe(2);
        sandbox.Exchange.FindOrder("desk", replacement)!.Status.ShouldBe(Sandbox.Trading.SandboxOrderStatus.Canceled);
        (await sandbox.PrivateAsync(key, "CancelAll")).ShouldSucceed().GetProperty("count").GetInt32().ShouldBe(1);
        (await sandbox.PrivateAsync(key, "CancelAll")).ShouldSucceed().GetProperty("count").GetInt32().ShouldBe(0);
        sandbox.Exchange.HoldsByAsset("desk", Wallet.Spot).ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_ChecksButPlacesNothing()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        var result = (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000&validate=true")).ShouldSucceed();
        result.TryGetProperty("txid", out _).ShouldBeFalse();
        sandbox.Exchange.AllOrders().ShouldBeEmpty();
    }

    [Fact]
    public async Task DeadMansSwitch_CancelsOrdersWhenTheClockPassesTheTrigger()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.1&price=50000")).ShouldSucceed();
        var armed = (await sandbox.PrivateAsync(key, "CancelAllOrdersAfter", "timeout=60")).ShouldSucceed();
        armed.GetProperty("triggerTime").GetString().ShouldBe("2026-01-05T12:01:00Z");

        sandbox.Time.Advance(TimeSpan.FromSeconds(59));
        sandbox.Exchange.OpenOrders("desk").Count.ShouldBe(1);
        sandbox.Time.Advance(TimeSpan.FromSeconds(2));

        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
        sandbox.Exchange.ClosedOrders("desk").ShouldHaveSingleItem().Reason.ShouldBe(Sandbox.Trading.CancelReasons.DeadMansSwitch);
        (await sandbox.PrivateAsync(key, "CancelAllOrdersAfter", "timeout=0")).ShouldSucceed().GetProperty("triggerTime").GetString().ShouldBe("0");
    }

    [Fact]
    public async Task AddOrderBatch_JsonBody_AsCcxtSendsIt()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        var nonce = sandbox.NextNonce();
        var body = Encoding.UTF8.GetBytes("{\"nonce\":\"" + nonce.ToString(CultureInfo.InvariantCulture) + "\",\"pair\":\"XBTUSD\",\"orders\":[{\"ordertype\":\"limit\",\"type\":\"buy\",\"volume\":\"0.01\",\"price\":\"40000\"},{\"ordertype\":\"limit\",\"type\":\"buy\",\"volume\":\"0.01\",\"price\":\"39000\",\"oflags\":\"post\"}]}");

        var result = (await sandbox.SendAsync(key, "AddOrderBatch", body, nonce, "application/json")).ShouldSucceed();

        var orders = result.GetProperty("orders");
        orders.GetArrayLength().ShouldBe(2);
        orders[1].GetProperty("descr").GetProperty("order").GetString().ShouldBe("buy 0.01000000 XBTUSD @ limit 39000.0");
        sandbox.Exchange.OpenOrders("desk").Count.ShouldBe(2);
    }

    [Fact]
    public async Task TradingCounter_RefusesWithOrderRateLimit_PerAccount()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var desk = sandbox.Master("desk", 100_000m);
        var sub = sandbox.Sub("sub", desk);
        sandbox.Exchange.Deposit(sub, Wallet.Spot, "ZUSD", 1_000m).Success.ShouldBeTrue();
        var key = sandbox.Key(desk);
        string? error = null;
        for (var i = 0; i < 30 && error is null; i++)
        {
            var placed = (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.001&price=10000")).ShouldSucceed();
            error = (await sandbox.PrivateAsync(key, "CancelOrder", "txid=" + placed.GetProperty("txid")[0].GetString())).Error;
            error = (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.001&price=10000")).Error;
        }

        error.ShouldBe(KrakenErrors.OrderRateLimitExceeded);
        (await sandbox.PrivateAsync(sandbox.Key(sub), "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.001&price=10000")).ShouldSucceed();
        (await sandbox.PrivateAsync(key, "AddOrder", "pair=ETHUSD&type=buy&ordertype=limit&volume=0.01&price=1000")).ShouldSucceed();
    }

    [Fact]
    public async Task OpenOrdersPerPair_Capped()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 100_000m));
        sandbox.Exchange.TradingLimits = new Kraken.Limits.SpotTradingLimits(1_000m, 1m, 3);
        for (var i = 0; i < 3; i++)
        {
            (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.001&price=10000")).ShouldSucceed();
        }

        (await sandbox.PrivateAsync(key, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.001&price=10000")).ShouldFailWith(KrakenErrors.OrdersLimitExceeded);
    }
}
