using System.Text;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Faults;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Spot;

public sealed class SpotFundingApiTests
{
    [Fact]
    public async Task Balance_SpotClient_ReadsDeposits()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 2500m));
        var balances = await sandbox.Client(key).GetBalancesAsync(TestContext.Current.CancellationToken);
        balances.Success.ShouldBeTrue(balances.Error?.Message);
        balances.Value!["ZUSD"].ShouldBe(2500m);
        var raw = (await sandbox.PrivateAsync(key, "Balance")).ShouldSucceed();
        raw.GetProperty("ZUSD").GetString().ShouldBe("2500.0000");
        var ex = (await sandbox.PrivateAsync(key, "BalanceEx")).ShouldSucceed();
        ex.GetProperty("ZUSD").GetProperty("balance").GetString().ShouldBe("2500.0000");
        ex.GetProperty("ZUSD").GetProperty("hold_trade").GetString().ShouldBe("0.0000");
    }

    [Fact]
    public async Task TradeBalance_ValuesInUsd()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 1000m));
        sandbox.Exchange.Deposit("desk", Wallet.Spot, "XXBT", 0.5m).Success.ShouldBeTrue();
        var result = (await sandbox.PrivateAsync(key, "TradeBalance")).ShouldSucceed();
        result.GetProperty("eb").GetString().ShouldBe("46000.0000");
    }

    [Fact]
    public async Task Ledgers_ListsEntriesWithKrakenFields_AndQueryLedgersById()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 100m));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1.5));
        sandbox.Exchange.Deposit("desk", Wallet.Spot, "ZUSD", 50m).Success.ShouldBeTrue();
        var result = (await sandbox.PrivateAsync(key, "Ledgers")).ShouldSucceed();
        result.GetProperty("count").GetInt32().ShouldBe(2);
        var first = result.GetProperty("ledger").EnumerateObject().First();
        first.Value.GetProperty("type").GetString().ShouldBe("deposit");
        first.Value.GetProperty("aclass").GetString().ShouldBe("currency");
        first.Value.GetProperty("amount").GetString().ShouldBe("50.0000");
        first.Value.GetProperty("balance").GetString().ShouldBe("150.0000");
        first.Value.GetProperty("fee").GetString().ShouldBe("0.0000");
        first.Value.GetProperty("time").GetDecimal().ShouldBe(sandbox.Time.GetUtcNow().ToUnixTimeMilliseconds() / 1000m);
        var byId = (await sandbox.PrivateAsync(key, "QueryLedgers", "id=" + first.Name)).ShouldSucceed();
        byId.GetProperty(first.Name).GetProperty("refid").GetString().ShouldNotBeNullOrEmpty();
        var typed = await sandbox.Client(key).GetLedgersAsync(cancellationToken: TestContext.Current.CancellationToken);
        typed.Success.ShouldBeTrue(typed.Error?.Message);
    }

    [Fact]
    public async Task Ledgers_KeyQueryStart_HidesOlderEntries()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("desk", 100m);
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        var created = sandbox.Exchange.CreateKey(new Keys.KeySpec("desk", Keys.KeyVenue.Spot, SpotPermission.QueryLedgerEntries, Keys.FuturesAccess.None, false, 0, [], null, sandbox.Time.GetUtcNow(), null));
        sandbox.Exchange.Deposit("desk", Wallet.Spot, "ZUSD", 5m).Success.ShouldBeTrue();
        var key = new TestKey(created.Value!.Key.Key, created.Value.SecretBase64);
        var result = (await sandbox.PrivateAsync(key, "Ledgers")).ShouldSucceed();
        result.GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task CreateSubaccount_MasterKeyWithWithdrawFunds_CreatesLinkedAccount()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        var created = await sandbox.Client(key).CreateSubaccountAsync("mm", "mm@example.com", TestContext.Current.CancellationToken);
        created.Success.ShouldBeTrue(created.Error?.Message);
        sandbox.Exchange.FindAccount("mm")!.Master.ShouldBe("desk");
    }

    [Fact]
    public async Task CreateSubaccount_FromSubaccountKey_PermissionDenied()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("desk");
        var key = sandbox.Key(sandbox.Sub("mm", "desk"));
        (await sandbox.PrivateAsync(key, "CreateSubaccount", "username=x1&email=a%40b.c")).ShouldFailWith(KrakenErrors.PermissionDenied);
        sandbox.Exchange.FindAccount("x1").ShouldBeNull();
    }

    [Fact]
    public async Task AccountTransfer_MasterToSubAndBack_MovesFunds()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 1000m));
        sandbox.Sub("mm", "desk");
        var desk = sandbox.Exchange.FindAccount("desk")!.Iiban;
        var mm = sandbox.Exchange.FindAccount("mm")!.Iiban;
        var there = await sandbox.Client(key).AccountTransferAsync("ZUSD", 400m, desk, mm, TestContext.Current.CancellationToken);
        there.Success.ShouldBeTrue(there.Error?.Message);
        var back = (await sandbox.PrivateAsync(key, "AccountTransfer", $"asset=USD&amount=150&from={Uri.EscapeDataString(mm)}&to={Uri.EscapeDataString(desk)}")).ShouldSucceed();
        back.GetProperty("status").GetString().ShouldBe("complete");
        back.GetProperty("transfer_id").GetString().ShouldNotBeNullOrEmpty();
        sandbox.Exchange.Balances("desk", Wallet.Spot)["ZUSD"].ShouldBe(750m);
        sandbox.Exchange.Balances("mm", Wallet.Spot)["ZUSD"].ShouldBe(250m);
        (await sandbox.PrivateAsync(key, "AccountTransfer", $"asset=USD&amount=100000&from={Uri.EscapeDataString(desk)}&to={Uri.EscapeDataString(mm)}")).ShouldFailWith(KrakenErrors.FundingInsufficientFunds);
    }

    [Fact]
    public async Task Withdraw_FromSubaccount_PermissionDenied_AndNothingMoves()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        sandbox.Master("desk");
        var key = sandbox.Key(sandbox.Sub("mm", "desk"));
        sandbox.Exchange.Deposit("mm", Wallet.Spot, "ZUSD", 100m).Success.ShouldBeTrue();
        (await sandbox.PrivateAsync(key, "Withdraw", "asset=ZUSD&key=bank&amount=10")).ShouldFailWith(KrakenErrors.PermissionDenied);
        sandbox.Exchange.Balances("mm", Wallet.Spot)["ZUSD"].ShouldBe(100m);
    }

    [Fact]
    public async Task Withdraw_FromMaster_DebitsLedger()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 100m));
        var refId = await sandbox.Client(key).WithdrawAsync("ZUSD", "bank", 40m, cancellationToken: TestContext.Current.CancellationToken);
        refId.Success.ShouldBeTrue(refId.Error?.Message);
        sandbox.Exchange.Balances("desk", Wallet.Spot)["ZUSD"].ShouldBe(60m);
        (await sandbox.PrivateAsync(key, "Withdraw", "asset=ZUSD&key=&amount=1")).ShouldFailWith(KrakenErrors.FundingUnknownWithdrawKey);
        (await sandbox.PrivateAsync(key, "Withdraw", "asset=NOPE&key=bank&amount=1")).ShouldFailWith(KrakenErrors.FundingUnknownAsset);
        (await sandbox.PrivateAsync(key, "Withdraw", "asset=ZUSD&key=bank&amount=-1")).ShouldFailWith(KrakenErrors.FundingInvalidAmount);
    }

    [Fact]
    public async Task WalletTransfer_SpotToFutures_MovesToFuturesWallet()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 100m));
        var result = await sandbox.Client(key).WalletTransferAsync("ZUSD", 30m, TestContext.Current.CancellationToken);
        result.Success.ShouldBeTrue(result.Error?.Message);
        sandbox.Exchange.Balances("desk", Wallet.FuturesCash)["ZUSD"].ShouldBe(30m);
    }

    [Fact]
    public async Task GetWebSocketsToken_ReturnsTokenAnd900()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        var result = (await sandbox.PrivateAsync(key, "GetWebSocketsToken")).ShouldSucceed();
        result.GetProperty("expires").GetInt32().ShouldBe(900);
        result.GetProperty("token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Balance_NoContentType_KrakenApiStyle_ReadAsForm()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10m));
        (await sandbox.PrivateAsync(key, "Balance", contentType: null)).ShouldSucceed().GetProperty("ZUSD").GetString().ShouldBe("10.0000");
    }

    [Fact]
    public async Task Balance_JsonBody_CcxtBatchStyle_Accepted()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk", 10m));
        var nonce = sandbox.NextNonce();
        var body = Encoding.UTF8.GetBytes($"{{\"nonce\":\"{nonce}\",\"asset\":\"ZUSD\"}}");
        (await sandbox.SendAsync(key, "TradeBalance", body, nonce, "application/json")).ShouldSucceed().GetProperty("eb").GetString().ShouldBe("10.0000");
    }

    [Fact]
    public async Task UnknownPrivateMethod_UnknownMethod()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        (await sandbox.PrivateAsync(key, "NoSuchThing")).ShouldFailWith(KrakenErrors.UnknownMethod);
    }

    [Fact]
    public async Task UnavailableFault_ServiceUnavailable_NoNonceRecorded()
    {
        await using var sandbox = await SpotSandbox.StartAsync();
        var key = sandbox.Key(sandbox.Master("desk"));
        sandbox.Faults.Set(new FaultChange { UnavailableRate = 1m });
        (await sandbox.PrivateAsync(key, "Balance", nonce: 99)).ShouldFailWith(KrakenErrors.ServiceUnavailable);
        sandbox.Exchange.NonceHighWater(key.ApiKey).ShouldBe(0);
    }
}
