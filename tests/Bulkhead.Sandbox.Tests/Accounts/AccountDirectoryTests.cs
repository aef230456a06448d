using Bulkhead.Sandbox.Accounts;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Accounts;

/// <summary>The account directory component: opening accounts, the family rules, and applying written accounts.</summary>
public sealed class AccountDirectoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Open_Refusals_NameTakenUnknownMasterSubaccountAsMasterBadName()
    {
        var directory = Directory();

        directory.Open("desk", null, Now).Rejection.ShouldBe(SandboxRejection.AccountExists);
        directory.Open("x", "nobody", Now).Rejection.ShouldBe(SandboxRejection.UnknownAccount);
        directory.Open("x", "mm", Now).Rejection.ShouldBe(SandboxRejection.MasterIsSubaccount);
        directory.Open("Desk", null, Now).Rejection.ShouldBe(SandboxRejection.InvalidAccountName);
        directory.Open(new string('a', 33), null, Now).Rejection.ShouldBe(SandboxRejection.InvalidAccountName);
    }

    [Fact]
    public void Open_Valid_BuildsWithoutAdding()
    {
        var directory = Directory();

        var opened = directory.Open("arb2", "desk", Now);

        opened.Success.ShouldBeTrue();
        opened.Value.Master.ShouldBe("desk");
        opened.Value.CreatedAt.ShouldBe(Now);
        opened.Value.FuturesTradingEnabled.ShouldBeTrue();
        opened.Value.Iiban.Replace(" ", string.Empty, StringComparison.Ordinal).Length.ShouldBe(16);
        directory.Find("arb2").ShouldBeNull();
    }

    [Theory]
    [InlineData("desk", "desk", true)]
    [InlineData("desk", "mm", true)]
    [InlineData("mm", "desk", true)]
    [InlineData("mm", "arb", true)]
    [InlineData("mm", "other", false)]
    [InlineData("desk", "other", false)]
    [InlineData("desk", "nobody", false)]
    public void Linked_MasterSubaccountsAndSiblings(string from, string to, bool linked) => Directory().Linked(from, to).ShouldBe(linked);

    [Fact]
    public void Family_MasterAndSubaccounts_FromAnyMember()
    {
        var directory = Directory();

        directory.FamilyOf("arb").ShouldBe("desk");
        directory.FamilyOf("desk").ShouldBe("desk");
        directory.FamilyOf("@market").ShouldBe("@market");
        directory.Family("mm").Select(a => a.Name).ShouldBe(["desk", "mm", "arb"]);
        directory.Subaccounts("desk").Select(a => a.Name).ShouldBe(["mm", "arb"]);
    }

    [Fact]
    public void Apply_SameName_ReplacesInPlaceKeepingCreationOrder()
    {
        var directory = Directory();

        directory.Apply([directory.Find("mm")! with { VolumeUsd30d = 5m }]);

        directory.All.Select(a => a.Name).ShouldBe(["desk", "mm", "arb", "other"]);
        directory.Find("mm")!.VolumeUsd30d.ShouldBe(5m);
    }

    [Fact]
    public void FindByIiban_IgnoresSpacesAndCase()
    {
        var directory = Directory();
        var iiban = directory.Find("arb")!.Iiban;

        directory.FindByIiban(iiban.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())!.Name.ShouldBe("arb");
        directory.FindByFuturesUid(directory.Find("mm")!.FuturesUid)!.Name.ShouldBe("mm");
    }

    private static AccountDirectory Directory()
    {
        var directory = new AccountDirectory();
        foreach (var (name, master) in new[] { ("desk", (string?)null), ("mm", "desk"), ("arb", "desk"), ("other", null) })
        {
            directory.Apply([directory.Open(name, master, Now).Value!]);
        }

        return directory;
    }
}
