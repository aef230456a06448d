using Bulkhead.Kraken.Spot;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Storage;

/// <summary>What every <see cref="ISandboxStore"/> must do, through the exchange that uses it; one subclass per store.</summary>
public abstract class SandboxStoreContractTests : IDisposable
{
    private readonly TempFolder _folder = new();

    protected SandboxStoreContractTests() => Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    protected FakeTimeProvider Time { get; }

    protected string Folder => _folder.Path;

    /// <summary>True when state survives closing and reopening the store.</summary>
    protected abstract bool Durable { get; }

    /// <summary>Opens the store on <see cref="Folder"/> (again, after a dispose, for a restart).</summary>
    protected abstract ISandboxStore Open();

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Commit_EveryKindOfChange_ReopenedExchangeHasTheSameState()
    {
        IReadOnlyList<string> before;
        using (var exchange = new SandboxExchange(Open(), Time))
        {
            Provision(exchange);
            before = ExchangeState.Of(exchange);
        }

        using var reopened = new SandboxExchange(Open(), Time);

        if (Durable)
        {
            ExchangeState.Of(reopened).ShouldBe(before);
        }
        else
        {
            ExchangeState.Of(reopened).ShouldBeEmpty();
        }
    }

    [Fact]
    public void Commit_StoreThrows_ExchangeMemoryUnchangedAndNextCommitWorks()
    {
        var store = new FailingStore(Open());
        using var exchange = new SandboxExchange(store, Time);
        exchange.CreateAccount("desk", null).Success.ShouldBeTrue();
        exchange.Deposit("desk", Wallet.Spot, "ZUSD", 100m).Success.ShouldBeTrue();
        var before = ExchangeState.Of(exchange);

        store.FailNext = true;
        Should.Throw<IOException>(() => exchange.Deposit("desk", Wallet.Spot, "ZUSD", 5m));

        ExchangeState.Of(exchange).ShouldBe(before);
        exchange.Deposit("desk", Wallet.Spot, "ZUSD", 5m).Success.ShouldBeTrue();
        exchange.Balances("desk", Wallet.Spot)["ZUSD"].ShouldBe(105m);
    }

    [Fact]
    public void Deposit_DecimalsAtTheAssetsScale_PreservedExactlyAcrossReopen()
    {
        var amounts = new[] { 0.0000000001m, 1.50m, 123456789.0123456789m, 1_000_000_000_000_000m, 2.0000000000m };
        IReadOnlyList<string> before;
        using (var exchange = new SandboxExchange(Open(), Time))
        {
            exchange.CreateAccount("desk", null);
            foreach (var amount in amounts)
            {
                exchange.Deposit("desk", Wallet.Spot, "XXBT", amount).Success.ShouldBeTrue(amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            before = ExchangeState.Of(exchange);
            exchange.Balances("desk", Wallet.Spot)["XXBT"].ShouldBe(amounts.Sum());
        }

        using var reopened = new SandboxExchange(Open(), Time);
        if (Durable)
        {
            ExchangeState.Of(reopened).ShouldBe(before);
            reopened.AllEntries().Where(e => e.Account == "desk").Select(e => e.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ShouldBe(amounts.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task Commit_ConcurrentCallers_EveryOperationKeptAndConsistent()
    {
        const int Callers = 8;
        const int Each = 25;
        IReadOnlyList<string> before;
        using (var exchange = new SandboxExchange(Open(), Time))
        {
            exchange.CreateAccount("desk", null);
            for (var i = 0; i < Callers; i++)
            {
                exchange.CreateAccount($"sub{i}", "desk");
            }

            exchange.Deposit("desk", Wallet.Spot, "ZUSD", 1_000_000m);
            var tasks = Enumerable.Range(0, Callers).Select(i => Task.Run(() =>
            {
                for (var n = 0; n < Each; n++)
                {
                    exchange.Transfer("desk", Wallet.Spot, $"sub{i}", Wallet.Spot, "ZUSD", 1m).Success.ShouldBeTrue();
                    exchange.SetNonceHighWater($"key{i}", n + 1);
                }
            }, TestContext.Current.CancellationToken));
            await Task.WhenAll(tasks);

            for (var i = 0; i < Callers; i++)
            {
                exchange.Balances($"sub{i}", Wallet.Spot)["ZUSD"].ShouldBe(Each);
                exchange.NonceHighWater($"key{i}").ShouldBe(Each);
            }

            exchange.AllEntries().Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, exchange.AllEntries().Count).Select(n => (long)n));
            ExchangeState.ShouldHoldInvariants(exchange);
            before = ExchangeState.Of(exchange);
        }

        using var reopened = new SandboxExchange(Open(), Time);
        if (Durable)
        {
            ExchangeState.Of(reopened).ShouldBe(before);
            ExchangeState.ShouldHoldInvariants(reopened);
        }
    }

    [Fact]
    public void RefusedOperation_NothingWritten_ReopenSeesNoTrace()
    {
        IReadOnlyList<string> before;
        using (var exchange = new SandboxExchange(Open(), Time))
        {
            exchange.CreateAccount("desk", null);
            exchange.CreateAccount("mm", "desk");
            exchange.Deposit("mm", Wallet.Spot, "ZUSD", 10m);
            before = ExchangeState.Of(exchange);

            exchange.Withdraw("mm", Wallet.Spot, "ZUSD", 1m).Rejection.ShouldBe(SandboxRejection.NotMaster);
            exchange.Transfer("mm", Wallet.Spot, "desk", Wallet.Spot, "ZUSD", 11m).Rejection.ShouldBe(SandboxRejection.InsufficientFunds);
            ExchangeState.Of(exchange).ShouldBe(before);
        }

        using var reopened = new SandboxExchange(Open(), Time);
        if (Durable)
        {
            ExchangeState.Of(reopened).ShouldBe(before);
        }
    }

    /// <summary>Accounts, a subaccount, Spot and Futures keys with every setting, a revoked key, money moved, nonces.</summary>
    internal void Provision(SandboxExchange exchange)
    {
        exchange.CreateAccount("desk", null).Success.ShouldBeTrue();
        exchange.CreateAccount("mm", "desk").Success.ShouldBeTrue();
        exchange.SetVolume("desk", 1234567.8901m).Success.ShouldBeTrue();
        exchange.SetFuturesTradingEnabled("mm", false).Success.ShouldBeTrue();
        var spot = exchange.CreateKey(new KeySpec("mm", KeyVenue.Spot, SpotPermission.QueryFunds | SpotPermission.ModifyOrders, FuturesAccess.None, false, 5,
            ["127.0.0.1/32", "::1", "10.0.0.0/8"], Time.GetUtcNow().AddDays(30), Time.GetUtcNow().AddDays(-1), Time.GetUtcNow().AddDays(1)));
        spot.Success.ShouldBeTrue(spot.Detail);
        var futures = exchange.CreateKey(new KeySpec("desk", KeyVenue.Futures, SpotPermission.None, FuturesAccess.Full, true, 0, [], null, null, null));
        futures.Success.ShouldBeTrue(futures.Detail);
        Time.Advance(TimeSpan.FromSeconds(1));
        exchange.RevokeKey(futures.Value.Key.Key).Success.ShouldBeTrue();
        exchange.Deposit("desk", Wallet.Spot, "ZUSD", 10_000m).Success.ShouldBeTrue();
        exchange.Deposit("desk", Wallet.FuturesFlex, "USDT", 500.12345678m).Success.ShouldBeTrue();
        exchange.Transfer("desk", Wallet.Spot, "mm", Wallet.Spot, "ZUSD", 2500.5m).Success.ShouldBeTrue();
        exchange.Transfer("mm", Wallet.Spot, "desk", Wallet.Spot, "ZUSD", 0.5m).Success.ShouldBeTrue();
        exchange.Withdraw("desk", Wallet.Spot, "ZUSD", 1000m).Success.ShouldBeTrue();
        exchange.SetNonceHighWater(spot.Value.Key.Key, 1_700_000_000_000L);
    }
}
