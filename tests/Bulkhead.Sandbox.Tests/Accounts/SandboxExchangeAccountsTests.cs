using Bulkhead.Sandbox.Storage;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Accounts;

public sealed class SandboxExchangeAccountsTests : IDisposable
{
    private readonly SandboxExchange _exchange = new(new InMemorySandboxStore(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));

    public void Dispose() => _exchange.Dispose();

    [Fact]
    public void CreateAccount_MasterAndSubaccount_LinkedWithIdentifiers()
    {
        var desk = _exchange.CreateAccount("desk", null);
        var mm = _exchange.CreateAccount("mm", "desk");

        desk.Value!.IsMaster.ShouldBeTrue();
        mm.Value!.Master.ShouldBe("desk");
        mm.Value.Iiban.ShouldMatch("^[A-Z2-9]{4} [A-Z2-9]{4} [A-Z2-9]{4} [A-Z2-9]{4}$");
        mm.Value.FuturesUid.ShouldNotBe(desk.Value.FuturesUid);
        _exchange.Subaccounts("desk").Select(a => a.Name).ShouldBe(["mm"]);
        _exchange.FindAccountByIiban(mm.Value.Iiban.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())!.Name.ShouldBe("mm");
        _exchange.FindAccountByFuturesUid(desk.Value.FuturesUid)!.Name.ShouldBe("desk");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Desk")]
    [InlineData("@external")]
    [InlineData("a b")]
    [InlineData("abcdefghijabcdefghijabcdefghijabc")]
    public void CreateAccount_BadName_Refused(string name) =>
        _exchange.CreateAccount(name, null).Rejection.ShouldBe(SandboxRejection.InvalidAccountName);

    [Fact]
    public void CreateAccount_Duplicate_RefusedAccountExists()
    {
        _exchange.CreateAccount("desk", null);

        _exchange.CreateAccount("desk", null).Rejection.ShouldBe(SandboxRejection.AccountExists);
    }

    [Fact]
    public void CreateAccount_UnknownMasterOrSubaccountAsMaster_Refused()
    {
        _exchange.CreateAccount("desk", null);
        _exchange.CreateAccount("mm", "desk");

        _exchange.CreateAccount("x", "ghost").Rejection.ShouldBe(SandboxRejection.UnknownAccount);
        _exchange.CreateAccount("y", "mm").Rejection.ShouldBe(SandboxRejection.MasterIsSubaccount);
        _exchange.Accounts.Count.ShouldBe(2);
    }

    [Fact]
    public void SetVolume_NegativeOrUnknown_RefusedElseStored()
    {
        _exchange.CreateAccount("desk", null);

        _exchange.SetVolume("desk", -1m).Rejection.ShouldBe(SandboxRejection.InvalidAmount);
        _exchange.SetVolume("ghost", 1m).Rejection.ShouldBe(SandboxRejection.UnknownAccount);
        _exchange.SetVolume("desk", 2_500_000m).Value!.VolumeUsd30d.ShouldBe(2_500_000m);
        _exchange.FindAccount("desk")!.VolumeUsd30d.ShouldBe(2_500_000m);
    }
}
