using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Planning;
using Shouldly;
using Xunit;

namespace Bulkhead.Fleet.Tests.Planning;

public sealed class ProductionPlanTests
{
    private static readonly ProductionPlan Plan = ProductionPlan.Build(ManifestLoader.Load(Manifests.ExamplePath).GetValueOrThrow(), "production");

    [Fact]
    public void Subaccounts_SpotByCreateSubaccountFuturesByLinkRequest()
    {
        var subs = Plan.Steps.Where(s => s.Kind == "subaccount").ToList();
        subs.Select(s => s.Subject).ShouldBe(["mm", "momo", "hedge"]);
        subs[0].Instruction.ShouldContain("CreateSubaccount");
        subs[2].Instruction.ShouldContain("link request");
    }

    [Fact]
    public void Keys_TickExactlyTheRoleBoxes()
    {
        var dashboard = Plan.Steps.Single(s => s.Kind == "key" && s.Subject == "dashboard");
        dashboard.Account.ShouldBe("desk");
        dashboard.Tick.ShouldBe(["Query Funds", "Query Open Orders & Trades"]);
        dashboard.Untick.ShouldContain("Withdraw Funds");
        dashboard.IpAllowlist.ShouldBe(["127.0.0.1/32"]);
        dashboard.Expires.ShouldBe(new DateOnly(2027, 5, 1));

        Plan.Steps.Single(s => s.Kind == "key" && s.Subject == "hedge-trader").Tick.ShouldBe(["General API: Full Access"]);
        Plan.Steps.Single(s => s.Kind == "key" && s.Subject == "treasury").Tick.ShouldContain("Withdraw Funds");
        Plan.Steps.Single(s => s.Kind == "secret" && s.Subject == "mm-trader").Instruction.ShouldContain("bulkhead secrets set mm-trader");
    }

    [Fact]
    public void ToText_IsANumberedChecklist()
    {
        var text = Plan.ToText();
        text.ShouldContain("[ ] 1. subaccount mm");
        text.ShouldContain("tick:    Query Funds; Query Open Orders & Trades\n");
    }
}
