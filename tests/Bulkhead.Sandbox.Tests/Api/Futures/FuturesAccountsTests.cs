using System.Net;
using System.Text.Json;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

public sealed class FuturesAccountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAccounts_AfterDeposits_CashAndFlexWithBalances()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 1.5m);
        sandbox.Deposit("desk", Wallet.FuturesFlex, "ZUSD", 5000m);
        sandbox.Deposit("desk", Wallet.FuturesFlex, "XXBT", 0.1m);
        var key = sandbox.Key("desk", FuturesAccess.ReadOnly);

        var accounts = (await sandbox.Client(key).GetAccountsAsync(Ct)).GetValueOrThrow();

        accounts.Cash.Balances["xbt"].ShouldBe(1.5m);
        accounts.Flex.Currencies["USD"].Quantity.ShouldBe(5000m);
        accounts.Flex.Currencies["XBT"].Quantity.ShouldBe(0.1m);
        accounts.Flex.Currencies["XBT"].Value.ShouldBe(9000m);
        accounts.Flex.PortfolioValue.ShouldBe(14000m);
        accounts.Flex.AvailableMargin.ShouldBe(14000m);
    }

    [Fact]
    public async Task Accounts_CcxtStyleWithoutNonce_EveryEntryTypedAndCashAsStrings()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 2m);
        var key = sandbox.Key("desk", FuturesAccess.ReadOnly);

        var answer = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/accounts", key: key);

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Result.ShouldBe("success", answer.Body);
        var accounts = answer.Json.GetProperty("accounts");
        accounts.GetProperty("cash").GetProperty("type").GetString().ShouldBe("cashAccount");
        accounts.GetProperty("cash").GetProperty("balances").GetProperty("xbt").GetString().ShouldBe("2");
        var flex = accounts.GetProperty("flex");
        flex.GetProperty("type").GetString().ShouldBe("multiCollateralMarginAccount");
        foreach (var field in new[] { "currencies", "balanceValue", "portfolioValue", "collateralValue", "initialMargin", "initialMarginWithOrders", "maintenanceMargin",
            "pnl", "unrealizedFunding", "totalUnrealized", "totalUnrealizedAsMargin", "marginEquity", "availableMargin" })
        {
            flex.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    [Theory]
    [InlineData("openpositions", "openPositions")]
    [InlineData("openorders", "openOrders")]
    [InlineData("fills", "fills")]
    public async Task TradingReads_BeforePart2_AnswerEmptyLists(string endpoint, string list)
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        var key = sandbox.Key("desk", FuturesAccess.ReadOnly);

        var answer = await sandbox.RawAsync(HttpMethod.Get, "/derivatives/api/v3/" + endpoint, key: key);

        answer.Json.GetProperty(list).ValueKind.ShouldBe(JsonValueKind.Array);
        answer.Json.GetProperty(list).GetArrayLength().ShouldBe(0);
        (await sandbox.Client(key).GetOpenPositionsAsync(Ct)).GetValueOrThrow().ShouldBeEmpty();
    }

    [Fact]
    public async Task ListSubaccounts_MasterKey_ListsSubaccountsWithWallets()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Account("arb", "desk");
        sandbox.Deposit("mm", Wallet.FuturesCash, "usd", 100m);
        sandbox.Deposit("mm", Wallet.FuturesFlex, "eth", 0.5m);
        var key = sandbox.Key("desk", FuturesAccess.ReadOnly);

        var list = (await sandbox.Client(key).ListSubaccountsAsync(Ct)).GetValueOrThrow();

        list.MasterAccountUid.ShouldBe(sandbox.Exchange.FindAccount("desk")!.FuturesUid.ToString());
        list.Subaccounts.Count.ShouldBe(2);
        var mm = list.Subaccounts[0];
        mm.AccountUid.ShouldBe(sandbox.Exchange.FindAccount("mm")!.FuturesUid.ToString());
        mm.FullName.ShouldBe("mm");
        mm.HoldingAccounts!.Single().Currency.ShouldBe("usd");
        mm.HoldingAccounts!.Single().Amount.ShouldBe(100m);
        mm.FlexAccount!.Currencies!.Single().Currency.ShouldBe("eth");
        mm.FlexAccount.PortfolioValue.ShouldBe(1500m);
    }

    [Fact]
    public async Task SubaccountTradingEnabled_SetThenGet_RoundTrips()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        var uid = sandbox.Exchange.FindAccount("mm")!.FuturesUid.ToString();
        var client = sandbox.Client(sandbox.Key("desk"));

        (await client.GetSubaccountTradingEnabledAsync(uid, Ct)).GetValueOrThrow().ShouldBeTrue();
        (await client.SetSubaccountTradingEnabledAsync(uid, false, Ct)).GetValueOrThrow().ShouldBeFalse();

        (await client.GetSubaccountTradingEnabledAsync(uid, Ct)).GetValueOrThrow().ShouldBeFalse();
        sandbox.Exchange.FindAccount("mm")!.FuturesTradingEnabled.ShouldBeFalse();
    }

    [Fact]
    public async Task SubaccountTradingEnabled_UnknownOrForeignAccount_Returns404()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("other");
        sandbox.Account("theirs", "other");
        var key = sandbox.Key("desk");
        var foreign = sandbox.Exchange.FindAccount("theirs")!.FuturesUid;

        foreach (var uid in new[] { Guid.NewGuid().ToString(), foreign.ToString(), "not-a-uid" })
        {
            var path = $"/derivatives/api/v3/subaccount/{uid}/trading-enabled";
            var get = await sandbox.RawAsync(HttpMethod.Get, path, key: key);
            var put = await sandbox.RawAsync(HttpMethod.Put, path, "tradingEnabled=false", key: key);

            get.Status.ShouldBe(HttpStatusCode.NotFound);
            get.Error.ShouldBe("notFound");
            put.Status.ShouldBe(HttpStatusCode.NotFound);
        }

        sandbox.Exchange.FindAccount("theirs")!.FuturesTradingEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task SubaccountTradingEnabled_ReadOnlyKey_AuthenticationError()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        var uid = sandbox.Exchange.FindAccount("mm")!.FuturesUid.ToString();

        var result = await sandbox.Client(sandbox.Key("desk", FuturesAccess.ReadOnly)).SetSubaccountTradingEnabledAsync(uid, false, Ct);

        result.Error!.Code.ShouldBe("authenticationError");
        sandbox.Exchange.FindAccount("mm")!.FuturesTradingEnabled.ShouldBeTrue();
    }
}
