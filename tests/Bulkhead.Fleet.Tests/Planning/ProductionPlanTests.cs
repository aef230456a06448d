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

        // The derivatives trader streams the Unified WebSocket with a Kraken API key: the trader's Spot boxes and WebSockets.
        Plan.Steps.Single(s => s.Kind == "key" && s.Subject == "hedge-trader").Tick.ShouldBe(["Query Funds", "Query Open Orders & Trades", "Query Closed Orders & Trades", "Modify Orders", "Cancel/Close Orders", "Access WebSockets API"]);
        Plan.Steps.Single(s => s.Kind == "key" && s.Subject == "treasury").Tick.ShouldContain("Withdraw Funds");
        Plan.Steps.Single(s => s.Kind == "secret" && s.Subject == "mm-trader").Instruction.ShouldContain("bulkhead secrets set mm-trader");
    }

    [Fact]
    public void Budgets_SpotRest_EverySpotKeyItsOwnCounterAtTheMastersTier()
    {
        var rest = Plan.Budgets.Where(b => b.Kind == "spot-rest").ToList();

        rest.Select(b => b.Keys.ShouldHaveSingleItem()).ShouldBe(["dashboard", "reconciler", "treasury", "mm-trader", "mm-flattener", "mm-reconciler", "momo-trader", "momo-flattener", "momo-reconciler", "hedge-trader", "hedge-flattener"]);
        rest.ShouldAllBe(b => b.Scope == "key" && b.Limit == 20m && b.Refusal == "EAPI:Rate limit exceeded");
        rest.Single(b => b.Keys[0] == "mm-trader").Account.ShouldBe("mm");
        rest[0].Rate.ShouldBe("decays 0.5/s; the fleet books 19 of it");
    }

    [Fact]
    public void Budgets_SpotTrading_PerAccountAndPair_SharedByTheKeysThatMayTrade()
    {
        var mm = Plan.Budgets.Single(b => b.Kind == "spot-trading" && b.Account == "mm");

        (mm.Scope, mm.Pair, mm.Limit, mm.Refusal).ShouldBe(("account-pair", "XBTUSD", 125m, "EOrder:Rate limit exceeded"));
        mm.Keys.ShouldBe(["mm-trader", "mm-flattener"]);
        mm.Rate.ShouldContain("REST and WebSocket order entry charge it alike");
        Plan.Budgets.Single(b => b.Kind == "spot-trading" && b.Account == "momo").Pair.ShouldBe("ETHUSD");
        Plan.Budgets.ShouldNotContain(b => b.Kind == "spot-trading" && b.Account == "desk");
    }

    [Fact]
    public void Budgets_Futures_PerAccountSharedByItsFuturesKeys()
    {
        var hedge = Plan.Budgets.Where(b => b.Account == "hedge" && b.Kind.StartsWith("futures", StringComparison.Ordinal)).ToList();

        hedge.Select(b => b.Kind).ShouldBe(["futures-derivatives", "futures-history"]);
        hedge.ShouldAllBe(b => b.Scope == "account");
        hedge[0].Keys.ShouldBe(["hedge-reconciler"]); // the trader and flattener stream with Kraken API keys
        (hedge[0].Limit, hedge[0].Refusal).ShouldBe((500m, "apiLimitExceeded"));
        hedge[1].Limit.ShouldBe(100m);
    }

    [Fact]
    public void Budgets_AKeyWithWebSocketAccess_ItsConnectionsAndEachConnectionsRequests()
    {
        var manifest = Manifests.Valid(Manifests.SmallWith(
            "permissions = [\"Query Funds\", \"Query Open Orders & Trades\"]",
            "permissions = [\"Query Funds\", \"Query Open Orders & Trades\", \"Access WebSockets API\"]").Replace("[master]\nname = \"desk\"", "[master]\nname = \"desk\"\ntier = \"pro\"", StringComparison.Ordinal));

        var budgets = ProductionPlan.Build(manifest, "production").Budgets;

        var dashboard = budgets.Where(b => b.Keys.Contains("dashboard")).ToList();
        dashboard.Select(b => (b.Kind, b.Scope, b.Limit)).ShouldBe([("spot-rest", "key", 20m), ("websocket-connections", "key", 150m), ("websocket-messages", "connection", 100m)]);
        dashboard[2].Rate.ShouldBe("requests in a burst, then 50/s");
        dashboard[2].Refusal.ShouldBe("Exceeded msg rate");
        budgets.Single(b => b.Kind == "spot-rest" && b.Keys[0] == "mm-trader").Rate.ShouldBe("decays 1/s; the fleet books 19 of it");
        budgets.Single(b => b.Kind == "spot-trading").Limit.ShouldBe(180m);
        budgets.ShouldContain(b => b.Kind == "websocket-connections" && b.Keys.Contains("mm-trader"), "the trader streams by default");
    }

    [Fact]
    public void ToText_IsANumberedChecklist()
    {
        var text = Plan.ToText();
        text.ShouldContain("[ ] 1. subaccount mm");
        text.ShouldContain("tick:    Query Funds; Query Open Orders & Trades\n");
        text.ShouldContain("\nRate budgets, as Kraken counts them (a key's own, or shared by the keys named):\n");
        text.ShouldContain("  spot-rest              key mm-trader (account mm): 20 (decays 0.5/s; the fleet books 19 of it) → EAPI:Rate limit exceeded\n");
        text.ShouldContain("  spot-trading           account mm, pair XBTUSD, keys mm-trader, mm-flattener: 125 (");
        text.ShouldContain("  futures-derivatives    account hedge, keys hedge-reconciler: 500 (cost per 10 s, each endpoint its cost) → apiLimitExceeded\n");
    }
}
