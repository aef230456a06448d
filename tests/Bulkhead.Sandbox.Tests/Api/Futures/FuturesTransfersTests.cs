using System.Net;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

public sealed class FuturesTransfersTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Transfer_CcxtStyleCashToFlex_MovesWithinAccountAndBalancesLedger()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 2m);
        var key = sandbox.Key("desk");

        var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/transfer", "amount=0.5&fromAccount=cash&toAccount=flex&unit=xbt", key);

        answer.Result.ShouldBe("success", answer.Body);
        sandbox.Balance("desk", Wallet.FuturesCash, "XXBT").ShouldBe(1.5m);
        sandbox.Balance("desk", Wallet.FuturesFlex, "XXBT").ShouldBe(0.5m);
        sandbox.Exchange.TotalsByAsset()["XXBT"].ShouldBe(2m);
    }

    [Fact]
    public async Task Transfer_KrakenNetStyleFormBody_Accepted()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesFlex, "usd", 100m);
        var key = sandbox.Key("desk");

        var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/transfer", key: key, body: "fromAccount=flex&toAccount=cash&unit=usd&amount=40");

        answer.Result.ShouldBe("success", answer.Body);
        sandbox.Balance("desk", Wallet.FuturesCash, "ZUSD").ShouldBe(40m);
        (await sandbox.Client(key).TransferAsync("cash", "flex", "usd", 40m, Ct)).Success.ShouldBeTrue();
        sandbox.Balance("desk", Wallet.FuturesFlex, "ZUSD").ShouldBe(100m);
    }

    [Fact]
    public async Task SubaccountTransfer_MasterToSubAndBack_BalancesAndLedgerConserved()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Deposit("desk", Wallet.FuturesFlex, "usd", 1000m);
        var key = sandbox.Key("desk");
        var deskUid = sandbox.Exchange.FindAccount("desk")!.FuturesUid.ToString();
        var mmUid = sandbox.Exchange.FindAccount("mm")!.FuturesUid.ToString();
        var client = sandbox.Client(key);

        (await client.SubaccountTransferAsync(deskUid, mmUid, "flex", "cash", "usd", 300m, Ct)).GetValueOrThrow();
        var back = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/transfer/subaccount",
            "fromUser=mm&toUser=desk&fromAccount=cash&toAccount=flex&unit=usd&amount=100", key);

        back.Result.ShouldBe("success", back.Body);
        sandbox.Balance("desk", Wallet.FuturesFlex, "ZUSD").ShouldBe(800m);
        sandbox.Balance("mm", Wallet.FuturesCash, "ZUSD").ShouldBe(200m);
        sandbox.Exchange.TotalsByAsset()["ZUSD"].ShouldBe(1000m);
        sandbox.Exchange.NetExternalFlows()["ZUSD"].ShouldBe(1000m);
        var mmLedger = sandbox.Exchange.Ledger("mm", new LedgerQuery());
        mmLedger.Select(e => e.Amount).ShouldBe([-100m, 300m]);
        mmLedger.ShouldAllBe(e => e.Type == LedgerEntryType.Transfer);
    }

    [Fact]
    public async Task SubaccountTransfer_BetweenSiblings_ByEmail()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Account("arb", "desk");
        sandbox.Deposit("mm", Wallet.FuturesCash, "eth", 1m);
        var client = sandbox.Client(sandbox.Key("desk"));
        var subs = (await client.ListSubaccountsAsync(Ct)).GetValueOrThrow().Subaccounts;

        var result = await client.SubaccountTransferAsync(subs[0].Email!, subs[1].Email!, "cash", "flex", "eth", 0.25m, Ct);

        result.Success.ShouldBeTrue(result.ToString());
        sandbox.Balance("arb", Wallet.FuturesFlex, "XETH").ShouldBe(0.25m);
    }

    [Fact]
    public async Task SubaccountTransfer_ForeignUserOrSubaccountKey_RefusedWithoutChange()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Account("other");
        sandbox.Deposit("desk", Wallet.FuturesCash, "usd", 10m);
        const string Query = "fromUser=desk&toUser=other&fromAccount=cash&toAccount=cash&unit=usd&amount=1";

        var foreign = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/transfer/subaccount", Query, sandbox.Key("desk"));
        var fromSub = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/transfer/subaccount",
            "fromUser=desk&toUser=mm&fromAccount=cash&toAccount=cash&unit=usd&amount=1", sandbox.Key("mm"));

        foreign.Error.ShouldBe("invalidArgument: toUser");
        fromSub.Error.ShouldBe("authenticationError");
        sandbox.Balance("desk", Wallet.FuturesCash, "ZUSD").ShouldBe(10m);
    }

    [Fact]
    public async Task Withdrawal_FromSubaccount_RefusedUnavailableWithoutChange()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Deposit("mm", Wallet.FuturesCash, "xbt", 1m);
        var key = sandbox.Key("mm", withdraw: true);

        var result = await sandbox.Client(key).WithdrawalAsync("xbt", 0.5m, cancellationToken: Ct);

        result.Error!.Code.ShouldBe("Unavailable");
        sandbox.Balance("mm", Wallet.FuturesCash, "XXBT").ShouldBe(1m);
        sandbox.Balance("mm", Wallet.Spot, "XXBT").ShouldBe(0m);
    }

    [Fact]
    public async Task Withdrawal_FromMaster_MovesToOwnSpotWallet()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 1m);
        sandbox.Deposit("desk", Wallet.FuturesFlex, "usd", 50m);
        var key = sandbox.Key("desk", FuturesAccess.None, withdraw: true);

        var ack = (await sandbox.Client(key).WithdrawalAsync("xbt", 0.4m, cancellationToken: Ct)).GetValueOrThrow();
        var fromFlex = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/withdrawal", "amount=20&currency=usd&sourceWallet=flex", key);

        ack.Reference.ShouldNotBeNullOrEmpty();
        fromFlex.Result.ShouldBe("success", fromFlex.Body);
        sandbox.Balance("desk", Wallet.FuturesCash, "XXBT").ShouldBe(0.6m);
        sandbox.Balance("desk", Wallet.Spot, "XXBT").ShouldBe(0.4m);
        sandbox.Balance("desk", Wallet.Spot, "ZUSD").ShouldBe(20m);
        sandbox.Exchange.TotalsByAsset()["XXBT"].ShouldBe(1m);
    }

    [Fact]
    public async Task Withdrawal_KeyWithoutWithdrawPermission_AuthenticationError()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 1m);

        var result = await sandbox.Client(sandbox.Key("desk", FuturesAccess.Full)).WithdrawalAsync("xbt", 0.5m, cancellationToken: Ct);

        result.Error!.Code.ShouldBe("authenticationError");
        sandbox.Balance("desk", Wallet.FuturesCash, "XXBT").ShouldBe(1m);
    }

    [Fact]
    public async Task Transfer_ReadOnlyKey_AuthenticationErrorWithoutChange()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 1m);

        var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/transfer", "amount=0.5&fromAccount=cash&toAccount=flex&unit=xbt", sandbox.Key("desk", FuturesAccess.ReadOnly));

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Error.ShouldBe("authenticationError");
        sandbox.Balance("desk", Wallet.FuturesCash, "XXBT").ShouldBe(1m);
    }

    [Theory]
    [InlineData("amount=-1&fromAccount=cash&toAccount=flex&unit=xbt", "invalidAmount")]
    [InlineData("amount=0&fromAccount=cash&toAccount=flex&unit=xbt", "invalidAmount")]
    [InlineData("amount=abc&fromAccount=cash&toAccount=flex&unit=xbt", "invalidAmount")]
    [InlineData("amount=1e-1&fromAccount=cash&toAccount=flex&unit=xbt", "invalidAmount")]
    [InlineData("amount=0%2C5&fromAccount=cash&toAccount=flex&unit=xbt", "invalidAmount")]
    [InlineData("amount=0.00000000001&fromAccount=cash&toAccount=flex&unit=xbt", "invalidAmount")]
    [InlineData("amount=99999999999999999999999999999&fromAccount=cash&toAccount=flex&unit=xbt", "invalidAmount")]
    [InlineData("amount=5&fromAccount=cash&toAccount=flex&unit=xbt", "insufficientFunds")]
    [InlineData("amount=0.5&fromAccount=cash&toAccount=flex&unit=doge", "invalidUnit")]
    [InlineData("amount=0.5&fromAccount=cash&toAccount=fi_xbtusd&unit=xbt", "invalidAccount")]
    [InlineData("amount=0.5&fromAccount=cash&toAccount=cash&unit=xbt", "invalidAccount")]
    [InlineData("fromAccount=cash&toAccount=flex&unit=xbt", "requiredArgumentMissing")]
    [InlineData("amount=0.5&amount=0.6&fromAccount=cash&toAccount=flex&unit=xbt", "invalidArgument: amount")]
    public async Task Transfer_MalformedArguments_KrakenErrorWithoutChange(string query, string error)
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "xbt", 1m);

        var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/transfer", query, sandbox.Key("desk"));

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Result.ShouldBe("error");
        answer.Error.ShouldBe(error);
        sandbox.Balance("desk", Wallet.FuturesCash, "XXBT").ShouldBe(1m);
        sandbox.Exchange.Ledger("desk", new LedgerQuery()).Count.ShouldBe(1);
    }
}
