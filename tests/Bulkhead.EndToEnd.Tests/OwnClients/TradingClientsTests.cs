using System.Text.Json.Nodes;
using Bulkhead.EndToEnd.Tests.Harness;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Kraken.Transport;
using Bulkhead.Kraken.Venues;
using Shouldly;
using Xunit;
using static Bulkhead.EndToEnd.Tests.Harness.Clients;
using OrderSide = Bulkhead.Kraken.Spot.Models.OrderSide;
using VenueSide = Bulkhead.Kraken.Venues.OrderSide;

namespace Bulkhead.EndToEnd.Tests.OwnClients;

/// <summary>Bulkhead's own <see cref="SpotClient"/> and <see cref="FuturesRestClient"/> trading on the real sandbox process, on the real clock.</summary>
public sealed class TradingClientsTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly List<IDisposable> _owned = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SpotClient_AddWithClientIdOpenQueryCancelAndAFill_TradesHistory()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.CreateAccountAsync("seller");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000");
        await sandbox.Admin.DepositAsync("seller", "XXBT", "1");
        var client = Spot(sandbox, await sandbox.Admin.CreateSpotKeyAsync("desk", Trader));
        var seller = Spot(sandbox, await sandbox.Admin.CreateSpotKeyAsync("seller", Trader));

        var placed = (await client.AddOrderAsync(Limit(OrderSide.Buy, 0.01m, 40_000m, "bid-1"), Ct)).GetValueOrThrow();
        var open = (await client.GetOpenOrdersAsync(cancellationToken: Ct)).GetValueOrThrow();
        var byClientId = (await client.GetOpenOrdersAsync(clientOrderId: "bid-1", cancellationToken: Ct)).GetValueOrThrow();
        var queried = (await client.QueryOrdersAsync(placed.OrderIds, Ct)).GetValueOrThrow();
        var duplicate = await client.AddOrderAsync(Limit(OrderSide.Buy, 0.01m, 40_000m, "bid-1"), Ct);
        var cancelled = (await client.CancelOrderAsync(placed.OrderIds[0], Ct)).GetValueOrThrow();
        var afterCancel = (await client.QueryOrdersAsync(placed.OrderIds, Ct)).GetValueOrThrow();
        (await seller.AddOrderAsync(Limit(OrderSide.Sell, 0.01m, 50_000m, "ask-1"), Ct)).GetValueOrThrow();
        var taker = (await client.AddOrderAsync(Limit(OrderSide.Buy, 0.01m, 51_000m, "take-1"), Ct)).GetValueOrThrow();
        var trades = (await client.GetTradesHistoryAsync(cancellationToken: Ct)).GetValueOrThrow();

        placed.OrderIds.ShouldHaveSingleItem();
        placed.ClientOrderId.ShouldBe("bid-1");
        open.ShouldHaveSingleItem().Id.ShouldBe(placed.OrderIds[0]);
        byClientId.ShouldHaveSingleItem().ClientOrderId.ShouldBe("bid-1");
        var order = queried.ShouldHaveSingleItem();
        (order.Status, order.Volume, order.LimitPrice, order.Side).ShouldBe((OrderStatus.Open, 0.01m, 40_000m, OrderSide.Buy));
        duplicate.Success.ShouldBeFalse("a second open order with the same cl_ord_id is refused, never placed twice");
        cancelled.ShouldBe(1);
        afterCancel.ShouldHaveSingleItem().Status.ShouldBe(OrderStatus.Canceled);
        var trade = trades.Items.ShouldHaveSingleItem();
        (trade.OrderId, trade.Side, trade.Volume, trade.Price).ShouldBe((taker.OrderIds[0], OrderSide.Buy, 0.01m, 50_000m));
        trade.Fee.ShouldBe(2m, "0.40 % taker fee of $500");
        trade.IsMaker.ShouldNotBe(true);
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task SpotClient_PlacementsWhileTheSandboxFailsHalfTheCalls_EachClientOrderIdLandsAtMostOnce()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "100000");
        var client = Spot(sandbox, await sandbox.Admin.CreateSpotKeyAsync("desk", Trader), maxRetries: 3);
        var (status, body) = await sandbox.Admin.RawAsync(HttpMethod.Post, "/admin/faults", new JsonObject { ["unavailableRate"] = 0.5 });
        status.ShouldBe(200, body);

        var results = new List<(string ClientId, bool Success)>();
        for (var i = 0; i < 6; i++)
        {
            var clientId = $"place-{i}";
            var result = await client.AddOrderAsync(Limit(OrderSide.Buy, 0.01m, 40_000m + i, clientId), Ct);
            results.Add((clientId, result.Success));
        }

        await sandbox.Admin.RawAsync(HttpMethod.Post, "/admin/faults", new JsonObject { ["unavailableRate"] = 0 });
        // Retries and look-ups charge the account's REST counter (Intermediate: 20, -0.5/s): read once it has room.
        var read = await client.GetOpenOrdersAsync(cancellationToken: Ct);
        var start = TimeProvider.System.GetTimestamp();
        while (!read.Success && read.Error.Code == "EAPI:Rate limit exceeded" && TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(45))
        {
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            read = await client.GetOpenOrdersAsync(cancellationToken: Ct);
        }

        var open = read.GetValueOrThrow();

        // EService:Unavailable is answered before the order is looked at: the client retries (after looking the id
        // up), and no client order id may land twice; every success is one open order.
        foreach (var (clientId, success) in results)
        {
            var landed = open.Count(o => o.ClientOrderId == clientId);
            landed.ShouldBeLessThanOrEqualTo(1, $"{clientId} landed {landed} times");
            if (success)
            {
                landed.ShouldBe(1, $"{clientId} was reported placed");
            }
        }

        results.Count(r => r.Success).ShouldBeGreaterThan(0, "with 3 retries at 50 % failures most placements get through");
        await sandbox.ShouldConserveAsync();
    }

    [Fact]
    public async Task FuturesRestClient_SendOrderOpenOrdersFillsPositionsAccounts()
    {
        await using var sandbox = await SandboxProcess.StartAsync();
        await sandbox.Admin.CreateAccountAsync("desk");
        await sandbox.Admin.CreateAccountAsync("maker");
        await sandbox.Admin.DepositAsync("desk", "ZUSD", "10000", wallet: "futures");
        await sandbox.Admin.DepositAsync("maker", "ZUSD", "100000", wallet: "futures");
        var trader = Futures(sandbox, await sandbox.Admin.CreateFuturesKeyAsync("desk", "full", withdraw: false));
        var maker = Futures(sandbox, await sandbox.Admin.CreateFuturesKeyAsync("maker", "full", withdraw: false));

        // A mkt order fills within 1 % of the mark (Kraken's price protection): quote around it. Without the market
        // the mark stays at the catalogue's indicative price.
        var tickers = (await trader.GetTickersAsync(Ct)).GetValueOrThrow();
        var mark = tickers.Single(t => t.Symbol == "PF_XBTUSD").MarkPrice.ShouldNotBeNull();
        var ask = Math.Round(mark);
        var bid = Math.Round(mark * 0.9m);
        (await maker.SendOrderAsync(FuturesOrder(VenueSide.Sell, FuturesOrderType.Limit, 1m, ask, "ask"), Ct)).GetValueOrThrow().Status.ShouldBe(VenueOrderStatus.Placed);
        var resting = (await trader.SendOrderAsync(FuturesOrder(VenueSide.Buy, FuturesOrderType.Limit, 0.1m, bid, "bid-1"), Ct)).GetValueOrThrow();
        var open = (await trader.GetOpenOrdersAsync(Ct)).GetValueOrThrow();
        var cancel = (await trader.CancelOrderAsync(resting.OrderId, cancellationToken: Ct)).GetValueOrThrow();
        var market = (await trader.SendOrderAsync(FuturesOrder(VenueSide.Buy, FuturesOrderType.Market, 0.2m, null, "take-1"), Ct)).GetValueOrThrow();
        var fills = (await trader.GetFillsAsync(cancellationToken: Ct)).GetValueOrThrow();
        var positions = (await trader.GetOpenPositionsAsync(Ct)).GetValueOrThrow();
        var accounts = (await trader.GetAccountsAsync(Ct)).GetValueOrThrow();

        resting.Status.ShouldBe(VenueOrderStatus.Placed);
        var listed = open.ShouldHaveSingleItem();
        (listed.ClientOrderId, listed.LimitPrice, listed.UnfilledSize).ShouldBe(("bid-1", (decimal?)bid, 0.1m));
        cancel.Status.ShouldBe("cancelled");
        market.Status.ShouldBe(VenueOrderStatus.Filled);
        market.Fills.ShouldHaveSingleItem().Price.ShouldBe(ask);
        var fill = fills.ShouldHaveSingleItem();
        (fill.OrderId, fill.Size, fill.Price, fill.Side).ShouldBe((market.OrderId, 0.2m, ask, "buy"));
        var position = positions.ShouldHaveSingleItem();
        (position.Symbol, position.Side, position.Size, position.Price).ShouldBe(("PF_XBTUSD", "long", 0.2m, ask));
        accounts.Flex.BalanceValue.ShouldBe(10_000m - (0.2m * ask * 0.0005m), "taker fee 0.05 %");
        await sandbox.ShouldConserveAsync();
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _http.Dispose();
    }

    private static OrderRequest Limit(OrderSide side, decimal volume, decimal price, string clientId) =>
        new() { Pair = "XBTUSD", Side = side, Type = SpotOrderType.Limit, Volume = volume, Price = price, ClientOrderId = clientId };

    private static FuturesOrderRequest FuturesOrder(VenueSide side, FuturesOrderType type, decimal size, decimal? price, string clientId) =>
        new() { Symbol = "PF_XBTUSD", Side = side, OrderType = type, Size = size, LimitPrice = price, ClientOrderId = clientId };

    private SpotClient Spot(SandboxProcess sandbox, ApiKeyPair key, int maxRetries = 0)
    {
        var credentials = KrakenCredentials.Create(key.Key, key.Secret);
        var nonces = NonceSource.InMemory(key.Key, new NonceOptions(), TimeProvider.System);
        _owned.Add(nonces);
        var options = new KrakenClientOptions { BaseUrl = new Uri(sandbox.BaseUrl + "/"), MaxRetries = maxRetries, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        return new SpotClient(_http, options, TimeProvider.System, new KrakenKey(credentials, nonces, new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), TimeProvider.System)));
    }

    private FuturesRestClient Futures(SandboxProcess sandbox, ApiKeyPair key)
    {
        var credentials = KrakenCredentials.Create(key.Key, key.Secret);
        var nonces = NonceSource.InMemory(key.Key, new NonceOptions(), TimeProvider.System);
        _owned.Add(nonces);
        var options = new KrakenClientOptions { BaseUrl = new Uri(sandbox.BaseUrl + "/"), MaxRetries = 0 };
        return new FuturesRestClient(_http, options, TimeProvider.System, new KrakenKey(credentials, nonces, new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), TimeProvider.System)));
    }
}
