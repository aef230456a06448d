using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Tests.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Ledger;

public sealed class SandboxExchangeLedgerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly SandboxExchange _exchange;

    public SandboxExchangeLedgerTests()
    {
        _exchange = new SandboxExchange(new InMemorySandboxStore(), _time);
        _exchange.CreateAccount("desk", null);
        _exchange.CreateAccount("mm", "desk");
        _exchange.CreateAccount("arb", "desk");
        _exchange.CreateAccount("other", null);
    }

    public void Dispose() => _exchange.Dispose();

    [Fact]
    public void Deposit_Valid_CreditsAccountAgainstExternalBalanced()
    {
        var refid = _exchange.Deposit("mm", Wallet.Spot, "ZUSD", 100.25m);

        refid.Success.ShouldBeTrue();
        _exchange.Balances("mm", Wallet.Spot).ShouldBe(new Dictionary<string, decimal> { ["ZUSD"] = 100.25m });
        var movement = _exchange.Movement(refid.Value);
        movement.Count.ShouldBe(2);
        movement.Sum(e => e.Amount).ShouldBe(0m);
        movement.ShouldContain(e => e.Account == SystemAccounts.External && e.Amount == -100.25m);
        movement.ShouldAllBe(e => e.Type == LedgerEntryType.Deposit && e.RefId == refid.Value && e.Time == _time.GetUtcNow());
        ExchangeState.ShouldHoldInvariants(_exchange);
    }

    [Fact]
    public void Deposit_AltNameOrFuturesCurrency_BookedUnderTheAssetId()
    {
        _exchange.Deposit("desk", Wallet.FuturesFlex, "usdt", 5m).Success.ShouldBeTrue();
        _exchange.Deposit("desk", Wallet.Spot, "XBT", 1m).Success.ShouldBeTrue();

        _exchange.Balances("desk", Wallet.FuturesFlex).ShouldContainKeyAndValue("USDT", 5m);
        _exchange.Balances("desk", Wallet.Spot).ShouldContainKeyAndValue("XXBT", 1m);
    }

    [Fact]
    public void Withdraw_FromMaster_DebitsAndBalances()
    {
        _exchange.Deposit("desk", Wallet.Spot, "ZUSD", 100m);

        var refid = _exchange.Withdraw("desk", Wallet.Spot, "ZUSD", 40m);

        refid.Success.ShouldBeTrue();
        _exchange.Balances("desk", Wallet.Spot)["ZUSD"].ShouldBe(60m);
        _exchange.Movement(refid.Value).ShouldAllBe(e => e.Type == LedgerEntryType.Withdrawal);
        ExchangeState.ShouldHoldInvariants(_exchange);
        _exchange.NetExternalFlows()["ZUSD"].ShouldBe(60m);
    }

    [Fact]
    public void Withdraw_FromSubaccount_RefusedNotMasterNoStateChange()
    {
        _exchange.Deposit("mm", Wallet.Spot, "ZUSD", 100m);
        var before = ExchangeState.Of(_exchange);

        var result = _exchange.Withdraw("mm", Wallet.Spot, "ZUSD", 1m);

        result.Rejection.ShouldBe(SandboxRejection.NotMaster);
        result.Detail!.ShouldContain("transfer to the master 'desk' first");
        ExchangeState.Of(_exchange).ShouldBe(before);
    }

    [Theory]
    [InlineData("desk", "mm")]
    [InlineData("mm", "desk")]
    [InlineData("mm", "arb")]
    public void Transfer_LinkedAccounts_MovesBothWaysBalanced(string from, string to)
    {
        _exchange.Deposit(from, Wallet.Spot, "XXBT", 2m);

        var refid = _exchange.Transfer(from, Wallet.Spot, to, Wallet.Spot, "XXBT", 0.5m);

        refid.Success.ShouldBeTrue();
        _exchange.Balances(from, Wallet.Spot)["XXBT"].ShouldBe(1.5m);
        _exchange.Balances(to, Wallet.Spot)["XXBT"].ShouldBe(0.5m);
        _exchange.Movement(refid.Value).Sum(e => e.Amount).ShouldBe(0m);
        ExchangeState.ShouldHoldInvariants(_exchange);
    }

    [Fact]
    public void Transfer_BetweenOwnWallets_Allowed()
    {
        _exchange.Deposit("desk", Wallet.Spot, "ZUSD", 10m);

        _exchange.Transfer("desk", Wallet.Spot, "desk", Wallet.FuturesFlex, "ZUSD", 10m).Success.ShouldBeTrue();

        _exchange.Balances("desk", Wallet.Spot).ShouldBeEmpty();
        _exchange.Balances("desk", Wallet.FuturesFlex)["ZUSD"].ShouldBe(10m);
    }

    [Theory]
    [InlineData("desk", "other")]
    [InlineData("mm", "other")]
    [InlineData("other", "mm")]
    public void Transfer_UnlinkedAccounts_RefusedNoStateChange(string from, string to)
    {
        _exchange.Deposit(from, Wallet.Spot, "ZUSD", 10m);
        var before = ExchangeState.Of(_exchange);

        _exchange.Transfer(from, Wallet.Spot, to, Wallet.Spot, "ZUSD", 1m).Rejection.ShouldBe(SandboxRejection.NotLinked);

        ExchangeState.Of(_exchange).ShouldBe(before);
    }

    [Fact]
    public void Transfer_SameWalletSameAccount_Refused()
    {
        _exchange.Deposit("desk", Wallet.Spot, "ZUSD", 10m);

        _exchange.Transfer("desk", Wallet.Spot, "desk", Wallet.Spot, "ZUSD", 1m).Rejection.ShouldBe(SandboxRejection.InvalidAmount);
    }

    [Fact]
    public void Transfer_InsufficientFunds_RefusedNoStateChange()
    {
        _exchange.Deposit("desk", Wallet.Spot, "ZUSD", 10m);
        var before = ExchangeState.Of(_exchange);

        _exchange.Transfer("desk", Wallet.Spot, "mm", Wallet.Spot, "ZUSD", 10.0001m).Rejection.ShouldBe(SandboxRejection.InsufficientFunds);
        _exchange.Withdraw("desk", Wallet.Spot, "ZUSD", 11m).Rejection.ShouldBe(SandboxRejection.InsufficientFunds);
        _exchange.Transfer("desk", Wallet.FuturesFlex, "mm", Wallet.Spot, "ZUSD", 1m).Rejection.ShouldBe(SandboxRejection.InsufficientFunds);

        ExchangeState.Of(_exchange).ShouldBe(before);
    }

    [Theory]
    [InlineData("DOGE", "1", SandboxRejection.UnknownAsset)]
    [InlineData("ZUSD", "0", SandboxRejection.InvalidAmount)]
    [InlineData("ZUSD", "-1", SandboxRejection.InvalidAmount)]
    [InlineData("ZUSD", "0.00001", SandboxRejection.InvalidAmount)]
    [InlineData("XXBT", "0.00000000001", SandboxRejection.InvalidAmount)]
    [InlineData("ZUSD", "1000000000000000.01", SandboxRejection.InvalidAmount)]
    public void Deposit_BadAssetOrAmount_RefusedNoStateChange(string asset, string amount, SandboxRejection expected)
    {
        var before = ExchangeState.Of(_exchange);

        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        _exchange.Deposit("desk", Wallet.Spot, asset, value).Rejection.ShouldBe(expected);
        _exchange.Withdraw("desk", Wallet.Spot, asset, value).Rejection.ShouldBe(expected);
        _exchange.Transfer("desk", Wallet.Spot, "mm", Wallet.Spot, asset, value).Rejection.ShouldBe(expected);

        ExchangeState.Of(_exchange).ShouldBe(before);
    }

    [Fact]
    public void Deposit_UnknownAccount_Refused()
    {
        _exchange.Deposit("ghost", Wallet.Spot, "ZUSD", 1m).Rejection.ShouldBe(SandboxRejection.UnknownAccount);
        _exchange.Deposit(SystemAccounts.External, Wallet.Spot, "ZUSD", 1m).Rejection.ShouldBe(SandboxRejection.UnknownAccount);
        _exchange.Transfer("desk", Wallet.Spot, "ghost", Wallet.Spot, "ZUSD", 1m).Rejection.ShouldBe(SandboxRejection.UnknownAccount);
    }

    [Fact]
    public void Ledger_ManyMovements_EveryRefIdSumsToZeroPerAsset()
    {
        _exchange.Deposit("desk", Wallet.Spot, "ZUSD", 100m);
        _exchange.Deposit("desk", Wallet.Spot, "XXBT", 1m);
        _exchange.Transfer("desk", Wallet.Spot, "mm", Wallet.Spot, "ZUSD", 30m);
        _exchange.Transfer("mm", Wallet.Spot, "arb", Wallet.FuturesFlex, "ZUSD", 10m);
        _exchange.Withdraw("desk", Wallet.Spot, "XXBT", 0.25m);

        foreach (var movement in _exchange.AllEntries().GroupBy(e => (e.RefId, e.Asset)))
        {
            movement.Sum(e => e.Amount).ShouldBe(0m, movement.Key.ToString());
        }

        _exchange.UnbalancedMovements().ShouldBeEmpty();
        ExchangeState.ShouldHoldInvariants(_exchange);
    }

    [Fact]
    public void Ledger_Filters_NewestFirstByWalletAssetTypeAndTime()
    {
        _exchange.Deposit("desk", Wallet.Spot, "ZUSD", 100m);
        _time.Advance(TimeSpan.FromMinutes(1));
        var middle = _time.GetUtcNow();
        _exchange.Deposit("desk", Wallet.Spot, "XXBT", 1m);
        _time.Advance(TimeSpan.FromMinutes(1));
        _exchange.Transfer("desk", Wallet.Spot, "mm", Wallet.Spot, "ZUSD", 30m);

        _exchange.Ledger("desk", new LedgerQuery()).Select(e => e.Asset).ShouldBe(["ZUSD", "XXBT", "ZUSD"]);
        _exchange.Ledger("desk", new LedgerQuery(Assets: ["XBT"])).Single().Amount.ShouldBe(1m);
        _exchange.Ledger("desk", new LedgerQuery(Type: LedgerEntryType.Transfer)).Single().Amount.ShouldBe(-30m);
        _exchange.Ledger("desk", new LedgerQuery(Start: middle)).Count.ShouldBe(1);
        _exchange.Ledger("desk", new LedgerQuery(End: middle)).Count.ShouldBe(2);
        _exchange.Ledger("desk", new LedgerQuery(Offset: 1, Limit: 1)).Single().Asset.ShouldBe("XXBT");
        _exchange.Ledger("nobody", new LedgerQuery()).ShouldBeEmpty();
    }
}
