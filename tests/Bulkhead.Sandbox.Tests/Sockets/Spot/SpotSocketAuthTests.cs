using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Sockets.Spot;

/// <summary>Tokens on the Spot private endpoint: lifetime, binding, the key's fate and permissions, and the account they act for.</summary>
public sealed class SpotSocketAuthTests
{
    private const string Bid = """{"order_type":"limit","side":"buy","order_qty":0.01,"symbol":"BTC/USD","limit_price":40000}""";

    [Fact]
    public async Task Token_UnusedFor900Seconds_IsRefused()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        var token = await SpotPrivateSession.TokenAsync(sandbox, key);

        sandbox.Time.Advance(TimeSpan.FromSeconds(901));
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, token);

        (await session.ErrorAsync("subscribe", """{"channel":"executions"}""")).ShouldBe(KrakenErrors.InvalidToken);
        (await session.ErrorAsync("add_order", Bid)).ShouldBe(KrakenErrors.InvalidToken);
        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
    }

    [Fact]
    public async Task Token_BoundBySubscription_LivesUntilUnsubscribed()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, key);
        await session.OkAsync("subscribe", """{"channel":"balances"}""");

        sandbox.Time.Advance(TimeSpan.FromSeconds(901));
        await session.OkAsync("add_order", Bid);
        (await session.OkAsync("unsubscribe", """{"channel":"balances"}""")).GetProperty("channel").GetString().ShouldBe("balances");

        (await session.ErrorAsync("add_order", Bid)).ShouldBe(KrakenErrors.InvalidToken);
        sandbox.Exchange.OpenOrders("desk").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Token_KeyRevoked_IsRefused()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, key);
        await session.OkAsync("subscribe", """{"channel":"executions"}""");

        sandbox.Exchange.RevokeKey(key.ApiKey).Success.ShouldBeTrue();

        (await session.ErrorAsync("add_order", Bid)).ShouldBe(KrakenErrors.InvalidToken);
        (await session.ErrorAsync("subscribe", """{"channel":"balances"}""")).ShouldBe(KrakenErrors.InvalidToken);
        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
    }

    [Fact]
    public async Task Key_WithoutWebSocketsPermission_GetsNoToken()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m), (SpotPermission)0x3FF & ~SpotPermission.AccessWebSocketsApi);

        (await sandbox.PrivateAsync(key, "GetWebSocketsToken")).ShouldFailWith(KrakenErrors.PermissionDenied);
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, "made-up-token");
        (await session.ErrorAsync("add_order", Bid)).ShouldBe(KrakenErrors.InvalidToken);
    }

    [Fact]
    public async Task Token_OfKeyWithoutTradingPermission_CannotTradeButCanStream()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m), SpotPermission.AccessWebSocketsApi | SpotPermission.QueryFunds | SpotPermission.QueryOpenOrdersAndTrades);
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, key);

        (await session.ErrorAsync("add_order", Bid)).ShouldBe(KrakenErrors.PermissionDenied);
        (await session.ErrorAsync("cancel_all")).ShouldBe(KrakenErrors.PermissionDenied);
        await session.OkAsync("subscribe", """{"channel":"executions"}""");
        await session.OkAsync("subscribe", """{"channel":"balances"}""");
    }

    [Fact]
    public async Task SubaccountToken_CannotCancelMastersOrder()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var master = sandbox.Master("desk", 10_000m);
        var sub = sandbox.Sub("mm", master);
        var masterKey = sandbox.Key(master);
        var masterOrder = (await sandbox.PrivateAsync(masterKey, "AddOrder", "pair=XBTUSD&type=buy&ordertype=limit&volume=0.01&price=40000&cl_ord_id=m-1")).ShouldSucceed().GetProperty("txid")[0].GetString()!;
        await using var session = await SpotPrivateSession.OpenAsync(sandbox, sandbox.Key(sub));

        (await session.ErrorAsync("cancel_order", $$"""{"order_id":["{{masterOrder}}"]}""")).ShouldBe(KrakenErrors.UnknownOrder);
        (await session.ErrorAsync("cancel_order", """{"cl_ord_id":["m-1"]}""")).ShouldBe(KrakenErrors.UnknownOrder);
        (await session.ErrorAsync("amend_order", $$"""{"order_id":"{{masterOrder}}","order_qty":0.02}""")).ShouldBe(KrakenErrors.UnknownOrder);
        (await session.OkAsync("cancel_all")).GetProperty("count").GetInt32().ShouldBe(0);

        sandbox.Exchange.OpenOrders(master).ShouldHaveSingleItem().Id.ShouldBe(masterOrder);
    }

    [Fact]
    public async Task Token_ConnectionEnds_IsUnbound()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10_000m));
        var hub = sandbox.Service<Bulkhead.Sandbox.Api.Sockets.SocketHub>();
        var token = await SpotPrivateSession.TokenAsync(sandbox, key);
        await using (var first = await SpotPrivateSession.OpenAsync(sandbox, token))
        {
            await first.OkAsync("subscribe", """{"channel":"executions"}""");
        }

        await Eventually.TrueAsync(() => hub.ConnectionCount == 0);
        sandbox.Time.Advance(TimeSpan.FromSeconds(901));
        await using var second = await SpotPrivateSession.OpenAsync(sandbox, token);

        (await second.ErrorAsync("subscribe", """{"channel":"executions"}""")).ShouldBe(KrakenErrors.InvalidToken);
    }
}
