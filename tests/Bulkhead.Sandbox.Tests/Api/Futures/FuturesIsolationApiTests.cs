using System.Text.Json.Nodes;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Venues;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

/// <summary>
/// The isolation scenario over HTTP: two Futures subaccounts of one master, each with its own key. The directional one
/// goes 40x long and is liquidated when the mark falls; the market maker's <c>accounts</c>, <c>openorders</c> and
/// <c>openpositions</c> answers are byte-for-byte the same (bar <c>serverTime</c>); the master's consolidated total
/// (its own flex plus its subaccounts', as <c>/subaccounts</c> reports them) fell by exactly the loss plus the fee.
/// </summary>
public sealed class FuturesIsolationApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LosingSubaccountLiquidated_SiblingAnswersUnchanged_MasterTotalDropsByLossPlusFees()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Exchange.UpdateMarkPrice("PF_XBTUSD", 100_000m);
        sandbox.Exchange.UpdateMarkPrice("PF_ETHUSD", 3_000m);
        sandbox.Account("lp");
        sandbox.Account("desk");
        sandbox.Account("directional", "desk");
        sandbox.Account("maker", "desk");
        sandbox.Deposit("lp", Wallet.FuturesFlex, "ZUSD", 10_000_000m);
        sandbox.Deposit("desk", Wallet.FuturesFlex, "ZUSD", 50_000m);
        sandbox.Deposit("directional", Wallet.FuturesFlex, "ZUSD", 1_000m);
        sandbox.Deposit("maker", Wallet.FuturesFlex, "ZUSD", 20_000m);
        var lp = sandbox.Client(sandbox.Key("lp"));
        var directional = sandbox.Client(sandbox.Key("directional"));
        var makerKey = sandbox.Key("maker");
        var maker = sandbox.Client(makerKey);
        var deskKey = sandbox.Key("desk", FuturesAccess.ReadOnly);

        (await lp.SendOrderAsync(Limit("PF_ETHUSD", OrderSide.Sell, 2m, 3_000m), Ct)).GetValueOrThrow();
        (await maker.SendOrderAsync(Limit("PF_ETHUSD", OrderSide.Buy, 2m, 3_000m), Ct)).GetValueOrThrow().Status.ShouldBe(VenueOrderStatus.Filled);
        (await maker.SendOrderAsync(Limit("PF_ETHUSD", OrderSide.Buy, 1m, 2_900m), Ct)).GetValueOrThrow();
        (await maker.SendOrderAsync(Limit("PF_ETHUSD", OrderSide.Sell, 1m, 3_100m), Ct)).GetValueOrThrow();

        (await lp.SendOrderAsync(Limit("PF_XBTUSD", OrderSide.Sell, 0.4m, 100_000m), Ct)).GetValueOrThrow();
        var entry = (await directional.SendOrderAsync(new FuturesOrderRequest { Symbol = "PF_XBTUSD", Side = OrderSide.Buy, OrderType = FuturesOrderType.Market, Size = 0.4m }, Ct)).GetValueOrThrow();
        entry.Status.ShouldBe(VenueOrderStatus.Filled);
        (await directional.SendOrderAsync(Limit("PF_XBTUSD", OrderSide.Sell, 0.1m, 105_000m), Ct)).GetValueOrThrow();

        var siblingBefore = await SiblingAsync(sandbox, makerKey);
        var totalBefore = await GroupTotalAsync(sandbox, deskKey);

        sandbox.Exchange.UpdateMarkPrice("PF_XBTUSD", 97_000m);   // −1,200 on 1,000 − 20 fee: liquidated and bankrupt

        (await directional.GetOpenPositionsAsync(Ct)).GetValueOrThrow().ShouldBeEmpty();
        (await directional.GetOpenOrdersAsync(Ct)).GetValueOrThrow().ShouldBeEmpty();
        var fills = (await directional.GetFillsAsync(cancellationToken: Ct)).GetValueOrThrow();
        (fills[0].FillType, fills[0].Price, fills[0].Size, fills[0].Side).ShouldBe(("liquidation", 97_000m, 0.4m, "sell"));
        (await directional.GetAccountsAsync(Ct)).GetValueOrThrow().Flex.BalanceValue.ShouldBe(0m);
        var log = (await directional.GetAccountLogAsync(cancellationToken: Ct)).GetValueOrThrow();
        log.Logs.ShouldContain(l => l.Info == "futures liquidation");

        (await SiblingAsync(sandbox, makerKey)).ShouldBe(siblingBefore);
        (totalBefore - await GroupTotalAsync(sandbox, deskKey)).ShouldBe(1_000m - 20m);   // the entry fee was paid before the snapshot
        (await lp.GetOpenPositionsAsync(Ct)).GetValueOrThrow().Count.ShouldBe(2);         // the counterparty is untouched too

        sandbox.Exchange.UnbalancedMovements().ShouldBeEmpty();
        foreach (var asset in sandbox.Exchange.AllEntries().GroupBy(e => e.Asset))
        {
            asset.Sum(e => e.Amount - e.Fee).ShouldBe(0m);
        }
    }

    private static FuturesOrderRequest Limit(string symbol, OrderSide side, decimal size, decimal price) =>
        new() { Symbol = symbol, Side = side, OrderType = FuturesOrderType.Limit, Size = size, LimitPrice = price };

    /// <summary>The sibling's accounts, openorders and openpositions answers, without <c>serverTime</c>.</summary>
    private static async Task<string> SiblingAsync(FuturesSandbox sandbox, CreatedKey key)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "accounts", "openorders", "openpositions" })
        {
            var answer = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/" + path, key: key);
            var body = JsonNode.Parse(answer.Body)!.AsObject();
            body.Remove("serverTime");
            parts.Add(body.ToJsonString());
        }

        return string.Join('\n', parts);
    }

    /// <summary>The master's flex balance value plus each subaccount's, as the master's key sees them.</summary>
    private static async Task<decimal> GroupTotalAsync(FuturesSandbox sandbox, CreatedKey deskKey)
    {
        var own = (await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/accounts", key: deskKey)).Json.GetProperty("accounts").GetProperty("flex").GetProperty("balanceValue").GetDecimal();
        var subs = (await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/subaccounts", key: deskKey)).Json.GetProperty("subaccounts");
        return own + subs.EnumerateArray().Sum(s => s.GetProperty("flexAccount").GetProperty("balanceValue").GetDecimal());
    }
}
