using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Api.Futures;
using Bulkhead.Sandbox.Tests.Api.Spot;
using Bulkhead.Sandbox.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Auth;

/// <summary>
/// Issue 15 item 10: every signed private request commits once, over real HTTP on a real SQLite store. The nonce mark
/// rides in the request's own change set; a request that changes nothing else (a read, a refusal after authentication)
/// commits the mark alone; either way the mark is durable before the answer and survives a reopen.
/// </summary>
public sealed class OneCommitPerRequestTests : IDisposable
{
    private const string Buy = "pair=XBTUSD&type=buy&ordertype=limit&price=10000&volume=0.01";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddOrder_Accepted_OneCommitHoldsTheOrderAndTheNonceMark()
    {
        var store = Store();
        long nonce;
        TestKey key;
        await using (var sandbox = await SpotSandbox.StartAsync(store: store))
        {
            sandbox.Master("desk", usd: 10_000m);
            key = sandbox.Key("desk");
            var before = store.Commits.Count;
            nonce = sandbox.NextNonce();

            (await sandbox.PrivateAsync(key, "AddOrder", Buy, nonce)).ShouldSucceed();

            var commits = store.Since(before);
            commits.Count.ShouldBe(1);
            commits[0].Orders.ShouldBe(1);
            commits[0].Nonces[key.ApiKey].ShouldBe(nonce);
        }

        DurableMark(key.ApiKey).ShouldBe(nonce);
    }

    [Fact]
    public async Task CancelOrder_Accepted_OneCommitHoldsTheCancelledOrderAndTheNonceMark()
    {
        var store = Store();
        await using var sandbox = await SpotSandbox.StartAsync(store: store);
        sandbox.Master("desk", usd: 10_000m);
        var key = sandbox.Key("desk");
        var txid = (await sandbox.PrivateAsync(key, "AddOrder", Buy)).ShouldSucceed().GetProperty("txid")[0].GetString();
        var before = store.Commits.Count;
        var nonce = sandbox.NextNonce();

        (await sandbox.PrivateAsync(key, "CancelOrder", "txid=" + txid, nonce)).ShouldSucceed();

        var commits = store.Since(before);
        commits.Count.ShouldBe(1);
        commits[0].Orders.ShouldBe(1);
        commits[0].Nonces[key.ApiKey].ShouldBe(nonce);
    }

    [Fact]
    public async Task Balance_ReadOnly_OneCommitOfTheNonceMarkAlone()
    {
        var store = Store();
        long nonce;
        TestKey key;
        await using (var sandbox = await SpotSandbox.StartAsync(store: store))
        {
            sandbox.Master("desk", usd: 100m);
            key = sandbox.Key("desk");
            var before = store.Commits.Count;
            nonce = sandbox.NextNonce();

            (await sandbox.PrivateAsync(key, "Balance", nonce: nonce)).ShouldSucceed();

            var commits = store.Since(before);
            commits.Count.ShouldBe(1);
            commits[0].NonceOnly.ShouldBeTrue();
            commits[0].Nonces[key.ApiKey].ShouldBe(nonce);
        }

        DurableMark(key.ApiKey).ShouldBe(nonce);
    }

    [Fact]
    public async Task AddOrder_RefusedAfterAuthentication_SpendsTheNonceInOneCommitAndChangesNothingElse()
    {
        var store = Store();
        await using var sandbox = await SpotSandbox.StartAsync(store: store);
        sandbox.Master("desk", usd: 1m);
        var key = sandbox.Key("desk");
        var before = store.Commits.Count;
        var nonce = sandbox.NextNonce();

        (await sandbox.PrivateAsync(key, "AddOrder", Buy, nonce)).ShouldFailWith("EOrder:Insufficient funds");

        var commits = store.Since(before);
        commits.Count.ShouldBe(1);
        commits[0].NonceOnly.ShouldBeTrue();
        sandbox.Exchange.OpenOrders("desk").ShouldBeEmpty();
        (await sandbox.PrivateAsync(key, "Balance", nonce: nonce)).ShouldFailWith("EAPI:Invalid nonce");
        store.Since(before).Count.ShouldBe(1);
    }

    [Fact]
    public async Task RefusedByAuthentication_CommitsNothing()
    {
        var store = Store();
        await using var sandbox = await SpotSandbox.StartAsync(store: store);
        sandbox.Master("desk", usd: 100m);
        var key = sandbox.Key("desk", permissions: Bulkhead.Kraken.Spot.SpotPermission.QueryFunds);
        var before = store.Commits.Count;

        (await sandbox.PrivateAsync(key, "AddOrder", Buy)).ShouldFailWith("EGeneral:Permission denied");

        store.Since(before).ShouldBeEmpty();
        sandbox.Exchange.NonceHighWater(key.ApiKey).ShouldBe(0);
    }

    [Fact]
    public async Task FuturesSendOrder_WithNonce_OneCommitHoldsTheOrderAndTheNonceMark()
    {
        var store = Store();
        await using var sandbox = await FuturesSandbox.StartAsync(store: store);
        sandbox.Account("desk");
        sandbox.Deposit("desk", Wallet.FuturesFlex, "ZUSD", 10_000m);
        var key = sandbox.Key("desk");
        var before = store.Commits.Count;

        var answer = await sandbox.RawAsync(HttpMethod.Post, "/derivatives/api/v3/sendorder", "orderType=lmt&symbol=PF_XBTUSD&side=buy&size=0.01&limitPrice=50000", key, nonce: "4242");

        answer.Result.ShouldBe("success", answer.Body);
        var commits = store.Since(before);
        commits.Count.ShouldBe(1);
        commits[0].Orders.ShouldBe(1);
        commits[0].Nonces[key.Key.Key].ShouldBe(4242);
    }

    private RecordingStore Store() => new(new SqliteSandboxStore(_folder.Path, syncEveryCommit: false));

    private long DurableMark(string key)
    {
        using var reopened = new SandboxExchange(new SqliteSandboxStore(_folder.Path, syncEveryCommit: false), new FakeTimeProvider());
        return reopened.NonceHighWater(key);
    }
}
