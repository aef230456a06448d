using Bulkhead.Dashboard.Tests.E2E;
using Bulkhead.EndToEnd.Tests.Fleet;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Kraken.Limits;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary><c>/api/tree</c>: every node of the example fleet, health from the supervisor, leases and headroom from the store.</summary>
public sealed class TreeApiTests
{
    [Fact]
    public async Task Tree_ExampleFleet_EverySubaccountStrategyProcessAndKey()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        await fleet.ServeAsync();

        var tree = (await fleet.GetJsonAsync("/api/tree"))["master"]!.AsObject();

        var ids = TreeNodes.All(tree).Select(n => (string)n["id"]!).ToList();
        ids[0].ShouldBe("master:" + ExampleFleet.Master);
        ids.ShouldBe(ids.Distinct().ToList());
        foreach (var name in ExampleFleet.Subaccounts)
        {
            ids.ShouldContain("subaccount:" + name);
        }

        foreach (var name in ExampleFleet.Strategies)
        {
            ids.ShouldContain("strategy:" + name);
        }

        foreach (var name in ExampleFleet.Processes)
        {
            ids.ShouldContain("process:" + name);
            ids.ShouldContain("key:" + name); // every process of the example has a key of its own name
        }

        foreach (var node in TreeNodes.All(tree))
        {
            ((string)node["id"]!).ShouldBe($"{node["kind"]}:{node["name"]}");
        }

        TreeNodes.Find(tree, "process:mm-trader")["role"]!.GetValue<string>().ShouldBe("trader");
        TreeNodes.Find(tree, "subaccount:hedge")["venue"]!.GetValue<string>().ShouldBe("futures");
        TreeNodes.Find(tree, "subaccount:mm")["children"]!.AsArray().Select(c => (string)c!["id"]!).ShouldBe(["strategy:mm", "process:mm-reconciler"]);
        TreeNodes.Find(tree, "strategy:mm")["children"]!.AsArray().Select(c => (string)c!["id"]!).ShouldBe(["process:mm-trader", "process:mm-flattener"]);
    }

    [Fact]
    public async Task Tree_Health_FollowsTheSupervisorAndHeartbeatAge()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        await fleet.ServeAsync();

        var starting = (await fleet.GetJsonAsync("/api/tree"))["master"]!.AsObject();
        TreeNodes.Health(starting, "process:mm-trader").ShouldBe("warn");
        TreeNodes.Health(starting, "process:mm-flattener").ShouldBe("idle");
        TreeNodes.Health(starting, "process:reconciler").ShouldBe("idle");

        fleet.AllRunning();
        var running = (await fleet.GetJsonAsync("/api/tree"))["master"]!.AsObject();
        TreeNodes.Health(running, "master:desk").ShouldBe("ok");
        var trader = TreeNodes.Find(running, "process:mm-trader");
        ((string)trader["health"]!).ShouldBe("ok");
        ((string)trader["state"]!).ShouldBe("running");
        ((int)trader["pid"]!).ShouldBe(fleet.Worker("mm-trader").Pid);
        ((string)trader["guard"]!).ShouldBe("ok");
        ((string)trader["lastNonceAt"]!).ShouldStartWith("2026-11-26T13:59:59.5");
        ((double)trader["heartbeatAgeSeconds"]!).ShouldBe(0d);
        trader["socket"].ShouldBeNull("a heartbeat without socket fields is a REST worker");

        // A streaming worker's heartbeat carries its socket: shown on its process node.
        fleet.Worker("hedge-trader").Say("""{"time":"2026-11-26T14:00:00.000+00:00","process":"hedge-trader","event":"heartbeat","guard":"ok","socket":"reconnecting","socketVenue":"unified-ws","socketSubscriptions":"executions ticker:PF_XBTUSD","socketLastMessageMs":2500,"socketReconnects":2,"socketBookResyncs":1}""");
        var socket = TreeNodes.Find((await fleet.GetJsonAsync("/api/tree"))["master"]!.AsObject(), "process:hedge-trader")["socket"]!;
        ((string)socket["state"]!).ShouldBe("reconnecting");
        ((string)socket["venue"]!).ShouldBe("unified-ws");
        socket["subscriptions"]!.AsArray().Select(s => (string)s!).ShouldBe(["executions", "ticker:PF_XBTUSD"]);
        ((double)socket["lastMessageAgeSeconds"]!).ShouldBe(2.5d);
        ((long)socket["reconnects"]!).ShouldBe(2);
        ((long)socket["bookResyncs"]!).ShouldBe(1);

        fleet.FakeTime!.Advance(TimeSpan.FromSeconds(11));
        fleet.Heartbeat("momo-trader");
        fleet.Heartbeat("hedge-trader");
        fleet.Heartbeat("dashboard");
        var silent = (await fleet.GetJsonAsync("/api/tree"))["master"]!.AsObject();
        TreeNodes.Health(silent, "process:mm-trader").ShouldBe("down");
        ((double)TreeNodes.Find(silent, "process:mm-trader")["heartbeatAgeSeconds"]!).ShouldBe(11d);
        TreeNodes.Health(silent, "strategy:mm").ShouldBe("down");
        TreeNodes.Health(silent, "subaccount:mm").ShouldBe("down");
        TreeNodes.Health(silent, "subaccount:momo").ShouldBe("ok");
        TreeNodes.Health(silent, "master:desk").ShouldBe("down");
    }

    [Fact]
    public async Task Tree_KilledWorker_IsDownInBackoff_HaltedWorkerIsHaltedAndItsParentsDown()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        await fleet.ServeAsync();
        fleet.AllRunning();

        fleet.Worker("mm-trader").Exit(137);
        fleet.Worker("momo-trader").Say("""{"time":"2026-11-26T14:00:00.000+00:00","process":"momo-trader","event":"halted","reason":"risk: max_drawdown_usd 1500 breached"}""");
        fleet.Worker("momo-trader").Exit(5);
        await Polling.UntilAsync(() => fleet.Supervisor.Snapshot().Count(s => s.State is Runtime.Supervisor.ProcessState.Backoff or Runtime.Supervisor.ProcessState.Halted) == 2, TimeSpan.FromSeconds(30), "the supervisor to see both exits");

        var tree = (await fleet.GetJsonAsync("/api/tree"))["master"]!.AsObject();
        var killed = TreeNodes.Find(tree, "process:mm-trader");
        ((string)killed["health"]!).ShouldBe("down");
        ((string)killed["state"]!).ShouldBe("backoff");
        ((string)killed["haltReason"]!).ShouldContain("signal 9");
        killed["pid"].ShouldBeNull();
        var halted = TreeNodes.Find(tree, "process:momo-trader");
        ((string)halted["health"]!).ShouldBe("halted");
        ((string)halted["haltReason"]!).ShouldBe("risk: max_drawdown_usd 1500 breached");
        TreeNodes.Health(tree, "strategy:mm").ShouldBe("down");
        TreeNodes.Health(tree, "strategy:momo").ShouldBe("down");
        TreeNodes.Health(tree, "master:desk").ShouldBe("down");
    }

    [Fact]
    public async Task Tree_LeaseAndRateHeadroom_FromTheCoordinationStore()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        using (var store = fleet.OpenStore())
        {
            store.TryAcquire("mm-trader", new LeaseHolder("mm-trader", "host-a", 4242, fleet.Time.GetUtcNow()), TimeSpan.FromSeconds(15)).Granted.ShouldBeTrue();
            var account = AccountBudgets.StateAccount("sandbox", "mm");
            new SpotRestLimiter(account, "mm-trader", AccountBudgets.SpotRest(SpotTier.Intermediate), store.RateLimits, fleet.Time).TryAcquire(9.5m).Granted.ShouldBeTrue();
            new SpotTradingLimiter(account, "XBTUSD", SpotTradingLimits.Intermediate, store.RateLimits, fleet.Time).TryAcquire(25m).Granted.ShouldBeTrue();
        }

        await fleet.ServeAsync();
        fleet.FakeTime!.Advance(TimeSpan.FromSeconds(4));

        var tree = (await fleet.GetJsonAsync("/api/tree"))["master"]!.AsObject();
        var lease = TreeNodes.Find(tree, "process:mm-trader")["lease"]!.AsObject();
        ((string)lease["holder"]!).ShouldBe("mm-trader@host-a#4242");
        ((string)lease["host"]!).ShouldBe("host-a");
        ((int)lease["pid"]!).ShouldBe(4242);
        ((long)lease["fencing"]!).ShouldBeGreaterThan(0);
        ((double)lease["heartbeatAgeSeconds"]!).ShouldBe(4d);
        TreeNodes.Find(tree, "process:momo-trader")["lease"].ShouldBeNull();

        // The key's own REST counter: 9.5 of the fleet's 19 (Kraken's 20 less the sessions' margin), decayed 4 s × 0.5/s
        // → 7.5 used. The account's other keys keep their whole counters. Trading (the account's): 25 − 4 × 2.34.
        decimal.Parse((string)TreeNodes.Find(tree, "key:mm-trader")["restHeadroom"]!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(decimal.Round(11.5m / 19m, 4));
        ((string)TreeNodes.Find(tree, "key:mm-flattener")["restHeadroom"]!).ShouldBe("1");
        ((string)TreeNodes.Find(tree, "key:mm-reconciler")["restHeadroom"]!).ShouldBe("1");
        ((string)TreeNodes.Find(tree, "key:hedge-trader")["restHeadroom"]!).ShouldBe("1", "a streaming derivatives trader's key is a Kraken API key: it has a Spot REST counter of its own");
        TreeNodes.Find(tree, "key:hedge-reconciler")["restHeadroom"].ShouldBeNull("a Futures key has no Spot REST counter");
        var headroom = TreeNodes.Find(tree, "subaccount:mm")["rateHeadroom"]!.AsObject();
        headroom.ContainsKey("spotRest").ShouldBeFalse();
        decimal.Parse((string)headroom["trading"]!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(decimal.Round((125m - 15.64m) / 125m, 4));
        ((string)TreeNodes.Find(tree, "subaccount:momo")["rateHeadroom"]!["trading"]!).ShouldBe("1");
        ((string)tree["rateHeadroom"]!["trading"]!).ShouldBe("1");
    }
}
