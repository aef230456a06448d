using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;
using Shouldly;
using Xunit;

namespace Bulkhead.Kraken.Tests.Spot;

/// <summary>Every typed endpoint against its fixture, over real HTTP: the request the client sends and the result it reads.</summary>
public sealed class SpotEndpointTests
{
    private static readonly DateTimeOffset At = new(2023, 7, 6, 18, 50, 48, TimeSpan.Zero);

    private static async Task<T> CallAsync<T>(string method, Func<SpotClient, Task<KrakenResult<T>>> call)
    {
        var fixture = SpotFixture.Load(method);
        await using var harness = await SpotHarness.StartAsync();
        fixture.Serve(harness.Server);

        var result = await call(harness.Client);

        result.Error.ShouldBeNull();
        var request = harness.Server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(method);
        request.IsPrivate.ShouldBe(fixture.IsPrivate);
        request.Parameters.ShouldBe(fixture.Request);
        request.Outcome.ShouldBe("ok");
        return result.Value!;
    }

    [Fact]
    public void Fixtures_OnePerTypedEndpoint()
    {
        SpotFixture.All().Order(StringComparer.Ordinal).ShouldBe(
        [
            "AccountTransfer", "AddOrder", "AssetPairs", "Assets", "Balance", "BalanceEx", "CancelAll", "CancelAllOrdersAfter",
            "CancelOrder", "ClosedOrders", "CreateSubaccount", "Depth", "GetWebSocketsToken", "Ledgers", "OHLC", "OpenOrders",
            "QueryOrders", "SystemStatus", "Ticker", "Time", "TradeBalance", "TradeVolume", "Trades", "TradesHistory",
            "WalletTransfer", "Withdraw",
        ]);
    }

    [Fact]
    public async Task GetServerTime_Fixture_Parses()
    {
        var time = await CallAsync("Time", c => c.GetServerTimeAsync(TestContext.Current.CancellationToken));
        time.Now.ShouldBe(At);
        time.Rfc1123.ShouldBe("Thu, 06 Jul 23 18:50:48 +0000");
    }

    [Fact]
    public async Task GetSystemStatus_Fixture_Parses()
    {
        var status = await CallAsync("SystemStatus", c => c.GetSystemStatusAsync(TestContext.Current.CancellationToken));
        status.ShouldBe(new SystemStatus(ExchangeStatus.Online, new DateTimeOffset(2023, 7, 6, 18, 52, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task GetAssets_Fixture_Parses()
    {
        var assets = await CallAsync("Assets", c => c.GetAssetsAsync(["XXBT", "ZUSD"], TestContext.Current.CancellationToken));
        assets["XXBT"].ShouldBe(new AssetInfo("XXBT", "XBT", 10, 5, "enabled"));
        assets["ZUSD"].Decimals.ShouldBe(4);
    }

    [Fact]
    public async Task GetAssetPairs_Fixture_Parses()
    {
        var pairs = await CallAsync("AssetPairs", c => c.GetAssetPairsAsync(["XXBTZUSD"], TestContext.Current.CancellationToken));
        var pair = pairs["XXBTZUSD"];
        pair.AltName.ShouldBe("XBTUSD");
        pair.WebSocketName.ShouldBe("XBT/USD");
        (pair.Base, pair.Quote).ShouldBe(("XXBT", "ZUSD"));
        (pair.PriceDecimals, pair.LotDecimals).ShouldBe((1, 8));
        (pair.OrderMinimum, pair.CostMinimum, pair.TickSize).ShouldBe((0.0001m, 0.5m, 0.1m));
        pair.IsOnline.ShouldBeTrue();
        pair.TakerFees.ShouldBe([new FeeTier(0, 0.4m), new FeeTier(10000, 0.35m), new FeeTier(50000, 0.24m)]);
        pair.MakerFees[0].ShouldBe(new FeeTier(0, 0.25m));
    }

    [Fact]
    public async Task GetTicker_Fixture_Parses()
    {
        var ticker = await CallAsync("Ticker", c => c.GetTickerAsync("XBTUSD", TestContext.Current.CancellationToken));
        ticker.Pair.ShouldBe("XXBTZUSD");
        (ticker.AskPrice, ticker.AskVolume, ticker.BidPrice).ShouldBe((30300.1m, 1m, 30300m));
        (ticker.LastPrice, ticker.LastVolume).ShouldBe((30303.2m, 0.00067643m));
        (ticker.Volume24h, ticker.Vwap24h, ticker.Trades24h).ShouldBe((4412.73601799m, 30689.13205m, 38907L));
        (ticker.Low24h, ticker.High24h, ticker.OpenToday).ShouldBe((29868.3m, 31631m, 30502.8m));
    }

    [Fact]
    public async Task GetOrderBook_Fixture_Parses()
    {
        var book = await CallAsync("Depth", c => c.GetOrderBookAsync("XBTUSD", 2, TestContext.Current.CancellationToken));
        book.Pair.ShouldBe("XXBTZUSD");
        book.Asks[0].ShouldBe(new OrderBookLevel(30384.1m, 2.059m, DateTimeOffset.FromUnixTimeSeconds(1688671659)));
        book.Bids.Count.ShouldBe(2);
        book.Bids[1].Price.ShouldBe(30296.7m);
    }

    [Fact]
    public async Task GetRecentTrades_Fixture_Parses()
    {
        var trades = await CallAsync("Trades", c => c.GetRecentTradesAsync("XBTUSD", cancellationToken: TestContext.Current.CancellationToken));
        trades.Cursor.ShouldBe("1688671969993150842");
        var first = trades.Trades[0];
        (first.Price, first.Volume, first.Side, first.IsMarketOrder, first.TradeId).ShouldBe((30243.4m, 0.34507674m, OrderSide.Buy, true, 61044952L));
        first.Time.ShouldBe(DateTimeOffset.UnixEpoch.AddTicks(16886695978277369));
        trades.Trades[1].Side.ShouldBe(OrderSide.Sell);
    }

    [Fact]
    public async Task GetOhlc_Fixture_Parses()
    {
        var series = await CallAsync("OHLC", c => c.GetOhlcAsync("XBTUSD", TimeSpan.FromHours(1), cancellationToken: TestContext.Current.CancellationToken));
        series.Candles.Count.ShouldBe(2);
        series.Candles[0].ShouldBe(new Candle(DateTimeOffset.FromUnixTimeSeconds(1688666400), 30306.1m, 30310.0m, 30305.7m, 30305.7m, 30306.1m, 3.39243896m, 23));
        series.Last.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1688666400));
    }

    [Fact]
    public async Task GetBalances_Fixture_ParsesDecimalsInvariantly()
    {
        var balances = await CallAsync("Balance", c => c.GetBalancesAsync(TestContext.Current.CancellationToken));
        balances["ZUSD"].ShouldBe(2500m);
        balances["XXBT"].ShouldBe(0.01m);
        balances["XETH"].ShouldBe(0.0015m);
    }

    [Fact]
    public async Task GetExtendedBalances_Fixture_Parses()
    {
        var balances = await CallAsync("BalanceEx", c => c.GetExtendedBalancesAsync(TestContext.Current.CancellationToken));
        balances["ZUSD"].ShouldBe(new AssetBalance(25435.21m, 8249.76m));
        balances["XXBT"].Available.ShouldBe(0.4012m);
    }

    [Fact]
    public async Task GetTradeBalance_Fixture_Parses()
    {
        var balance = await CallAsync("TradeBalance", c => c.GetTradeBalanceAsync("ZUSD", TestContext.Current.CancellationToken));
        balance.ShouldBe(new TradeBalance(1101.3425m, 392.2264m, 7.0354m, -10.0232m, 21.1063m, 31.1297m, 382.2032m, 375.1678m, 5432.57m));
    }

    [Fact]
    public async Task GetOpenOrders_Fixture_Parses()
    {
        var orders = await CallAsync("OpenOrders", c => c.GetOpenOrdersAsync("6d1b345e-2821-40e2-ad83-4ecb18a06876", cancellationToken: TestContext.Current.CancellationToken));
        var order = orders.ShouldHaveSingleItem();
        order.Id.ShouldBe("OQCLML-BW3P3-BUCMWZ");
        order.ClientOrderId.ShouldBe("6d1b345e-2821-40e2-ad83-4ecb18a06876");
        order.UserReference.ShouldBeNull();
        (order.Status, order.Side, order.Type, order.Pair).ShouldBe((OrderStatus.Open, OrderSide.Buy, SpotOrderType.Limit, "XBTUSD"));
        (order.LimitPrice, order.Volume, order.ExecutedVolume, order.Cost).ShouldBe((30010.0m, 1.25m, 0.375m, 11253.7m));
        order.Conditions.ShouldBe(OrderConditions.FeeInQuote | OrderConditions.PostOnly);
        order.ClosedAt.ShouldBeNull();
        order.OpenedAt.ShouldBe(DateTimeOffset.UnixEpoch.AddTicks(16886665598974000));
        order.TradeIds.ShouldBe(["TCCCTY-WE2O6-P3NB37"]);
        order.Description.ShouldBe("buy 1.25000000 XBTUSD @ limit 30010.0");
    }

    [Fact]
    public async Task GetClosedOrders_Fixture_Parses()
    {
        var page = await CallAsync("ClosedOrders", c => c.GetClosedOrdersAsync(userReference: 42, start: DateTimeOffset.FromUnixTimeSeconds(1688140800), offset: 0, cancellationToken: TestContext.Current.CancellationToken));
        page.TotalCount.ShouldBe(1);
        var order = page.Items.ShouldHaveSingleItem();
        (order.Status, order.Side, order.Type, order.UserReference, order.ClientOrderId).ShouldBe((OrderStatus.Canceled, OrderSide.Sell, SpotOrderType.Market, 42L, (string?)null));
        order.CloseReason.ShouldBe("User requested");
        order.ClosedAt.ShouldNotBeNull();
        (order.AveragePrice, order.Fee).ShouldBe((25400.0m, 0.0407m));
        order.TradeIds.ShouldBeEmpty();
    }

    [Fact]
    public async Task QueryOrders_Fixture_Parses()
    {
        var orders = await CallAsync("QueryOrders", c => c.QueryOrdersAsync(["OQCLML-BW3P3-BUCMWZ"], TestContext.Current.CancellationToken));
        orders.ShouldHaveSingleItem().Id.ShouldBe("OQCLML-BW3P3-BUCMWZ");
    }

    [Fact]
    public async Task GetTradesHistory_Fixture_Parses()
    {
        var page = await CallAsync("TradesHistory", c => c.GetTradesHistoryAsync(DateTimeOffset.FromUnixTimeSeconds(1688140800), cancellationToken: TestContext.Current.CancellationToken));
        var trade = page.Items.ShouldHaveSingleItem();
        trade.ShouldBe(new OwnTrade("THVRQM-33VKH-UCI7BS", "OQCLML-BW3P3-BUCMWZ", "XXBTZUSD", DateTimeOffset.UnixEpoch.AddTicks(16886677968802000), OrderSide.Buy, SpotOrderType.Limit, 30010m, 600.2m, 0m, 0.02m, true));
    }

    [Fact]
    public async Task GetLedgers_Fixture_Parses()
    {
        var page = await CallAsync("Ledgers", c => c.GetLedgersAsync("ZGBP", cancellationToken: TestContext.Current.CancellationToken));
        var entry = page.Items.ShouldHaveSingleItem();
        (entry.Id, entry.ReferenceId, entry.Type, entry.Subtype, entry.Asset).ShouldBe(("L4UESK-KG3EQ-UFO4T5", "TJKLXX-PGMUI-4NTLXU", "trade", "", "ZGBP"));
        (entry.Amount, entry.Fee, entry.BalanceAfter).ShouldBe((-24.5m, 0.049m, 459567.9171m));
    }

    [Fact]
    public async Task GetTradeVolume_Fixture_Parses()
    {
        var volume = await CallAsync("TradeVolume", c => c.GetTradeVolumeAsync(["XXBTZUSD"], TestContext.Current.CancellationToken));
        (volume.Currency, volume.Volume).ShouldBe(("ZUSD", 200709587.4223m));
        volume.TakerFees["XXBTZUSD"].ShouldBe(new PairFee(0.1m, 0.1m, 0.26m, null, null, 10000000m));
        volume.MakerFees["XXBTZUSD"].Percent.ShouldBe(0m);
    }

    [Fact]
    public async Task AddOrder_Fixture_SendsInvariantDecimalsAndParses()
    {
        var result = await CallAsync("AddOrder", c => c.AddOrderAsync(
            new OrderRequest
            {
                Pair = "XBTUSD",
                Side = OrderSide.Buy,
                Type = SpotOrderType.Limit,
                Volume = 1.2500m,
                Price = 37500.00m,
                Conditions = OrderConditions.PostOnly,
                TimeInForce = TimeInForce.GoodTillCancelled,
                ClientOrderId = "6d1b345e-2821-40e2-ad83-4ecb18a06876",
                UserReference = 7,
            },
            TestContext.Current.CancellationToken));
        result.ShouldBe(new AddOrderResult(result.OrderIds, "buy 1.25000000 XBTUSD @ limit 37500.0", "6d1b345e-2821-40e2-ad83-4ecb18a06876"));
        result.OrderIds.ShouldBe(["OUF4EM-FRGI2-MQMWZD"]);
        result.RecoveredFrom.ShouldBeNull();
    }

    [Fact]
    public async Task CancelOrder_Fixture_Parses() =>
        (await CallAsync("CancelOrder", c => c.CancelOrderAsync("OUF4EM-FRGI2-MQMWZD", TestContext.Current.CancellationToken))).ShouldBe(1);

    [Fact]
    public async Task CancelAll_Fixture_Parses() =>
        (await CallAsync("CancelAll", c => c.CancelAllAsync(TestContext.Current.CancellationToken))).ShouldBe(4);

    [Fact]
    public async Task CancelAllOrdersAfter_Fixture_Parses()
    {
        var state = await CallAsync("CancelAllOrdersAfter", c => c.CancelAllOrdersAfterAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        state.ShouldBe(new DeadManSwitch(new DateTimeOffset(2023, 3, 24, 17, 41, 56, TimeSpan.Zero), new DateTimeOffset(2023, 3, 24, 17, 42, 56, TimeSpan.Zero)));
    }

    [Fact]
    public async Task GetWebSocketsToken_Fixture_ParsesAndHidesToken()
    {
        var token = await CallAsync("GetWebSocketsToken", c => c.GetWebSocketsTokenAsync(TestContext.Current.CancellationToken));
        token.Token.ShouldBe("1Dwc4lzSwNWOAwkMdqhssNNFhs1ed606d1WcF3XfEMw");
        token.ExpiresIn.ShouldBe(TimeSpan.FromMinutes(15));
        token.ToString().ShouldNotContain(token.Token);
    }

    [Fact]
    public async Task CreateSubaccount_Fixture_Parses() =>
        (await CallAsync("CreateSubaccount", c => c.CreateSubaccountAsync("strategy-7", "ops+s7@example.com", TestContext.Current.CancellationToken))).ShouldBeTrue();

    [Fact]
    public async Task AccountTransfer_Fixture_Parses()
    {
        var transfer = await CallAsync("AccountTransfer", c => c.AccountTransferAsync("XBT", 0.50m, "AA12 N84G HKCE 3DSH", "AA93 N84G JTCD X4YM", TestContext.Current.CancellationToken));
        transfer.ShouldBe(new AccountTransferResult("TOH3AS2-LPCWR8-JDQGEU", "complete"));
    }

    [Fact]
    public async Task Withdraw_Fixture_Parses() =>
        (await CallAsync("Withdraw", c => c.WithdrawAsync("XBT", "btc_2709", 0.725m, cancellationToken: TestContext.Current.CancellationToken))).ShouldBe("FTQcuak-V6Za8qrWnhzTx67yYHz8Tg");

    [Fact]
    public async Task WalletTransfer_Fixture_Parses() =>
        (await CallAsync("WalletTransfer", c => c.WalletTransferAsync("ZUSD", 100.00m, TestContext.Current.CancellationToken))).ShouldBe("BOG5AE5-KSCNR4-VPNPEV");

    [Fact]
    public async Task GetBalances_ResultOfWrongShape_ReturnsProtocolError()
    {
        await using var harness = await SpotHarness.StartAsync();
        harness.Server.SetResult("Balance", "{\"ZUSD\":\"12,5\"}");

        var result = await harness.Client.GetBalancesAsync(TestContext.Current.CancellationToken);

        result.Error!.Code.ShouldBe(KrakenErrors.TransportBadResponse);
        result.Error.Category.ShouldBe(KrakenErrorCategory.Protocol);
        result.Error.Message.ShouldContain("Balance");
    }
}
