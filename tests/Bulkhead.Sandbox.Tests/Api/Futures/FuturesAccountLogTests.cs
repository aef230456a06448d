using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Api.Futures;

public sealed class FuturesAccountLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAccountLog_AfterDepositTransfersAndWithdrawal_EntriesFromFuturesWallets()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "usd", 1000m);
        sandbox.Deposit("desk", Wallet.Spot, "ZEUR", 5m);
        var client = sandbox.Client(sandbox.Key("desk", withdraw: true));
        (await client.TransferAsync("cash", "flex", "usd", 400m, Ct)).GetValueOrThrow();
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        (await client.SubaccountTransferAsync("desk", "mm", "flex", "flex", "usd", 100m, Ct)).GetValueOrThrow();
        (await client.WithdrawalAsync("usd", 50m, cancellationToken: Ct)).GetValueOrThrow();

        var log = (await client.GetAccountLogAsync(cancellationToken: Ct)).GetValueOrThrow();

        log.AccountUid.ShouldBe(sandbox.Exchange.FindAccount("desk")!.FuturesUid.ToString());
        log.Logs.Select(l => l.Id).ShouldBe([5L, 4L, 3L, 2L, 1L]);
        log.Logs.Select(l => l.Info).ShouldBe(["transfer", "subaccount transfer", "transfer", "transfer", "admin transfer"]);
        log.Logs.ShouldAllBe(l => l.Asset == "usd");
        var withdrawal = log.Logs[0];
        withdrawal.MarginAccount.ShouldBe("cash");
        withdrawal.OldBalance.ShouldBe(600m);
        withdrawal.NewBalance.ShouldBe(550m);
        log.Logs[1].Date.ShouldBe(new DateTimeOffset(2026, 11, 26, 12, 0, 1, TimeSpan.Zero));
    }

    [Fact]
    public async Task AccountLog_V2AliasAscendingWithCount_SameEntries()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesFlex, "xbt", 1m);
        sandbox.Deposit("desk", Wallet.FuturesFlex, "xbt", 2m);
        sandbox.Deposit("desk", Wallet.FuturesFlex, "xbt", 3m);
        var key = sandbox.Key("desk", FuturesAccess.ReadOnly);

        var answer = await sandbox.RawAsync(HttpMethod.Get, "/api/history/v2/account-log", "count=2&sort=asc", key);

        var logs = answer.Json.GetProperty("logs").EnumerateArray().ToList();
        logs.Select(l => l.GetProperty("id").GetInt64()).ShouldBe([1L, 2L]);
        logs.Select(l => l.GetProperty("new_balance").GetDecimal()).ShouldBe([1m, 3m]);
        answer.Json.TryGetProperty("result", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task AccountLog_SubaccountKey_SeesOnlyItsOwnEntries()
    {
        await using var sandbox = await FuturesSandbox.StartAsync();
        sandbox.Account("desk");
        sandbox.Account("mm", "desk");
        sandbox.Deposit("desk", Wallet.FuturesCash, "usd", 10m);
        sandbox.Deposit("mm", Wallet.FuturesCash, "usd", 3m);

        var log = (await sandbox.Client(sandbox.Key("mm", FuturesAccess.ReadOnly)).GetAccountLogAsync(cancellationToken: Ct)).GetValueOrThrow();

        log.Logs.Single().NewBalance.ShouldBe(3m);
    }
}
