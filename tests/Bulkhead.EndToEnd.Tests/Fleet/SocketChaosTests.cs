using System.Globalization;
using System.Text.Json;
using Bulkhead.Cli.Tests;
using Bulkhead.EndToEnd.Tests.Harness;
using Bulkhead.Sandbox;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>
/// Issue #16's socket chaos: while <c>bulkhead run</c> supervises the example fleet (every trader on WebSockets), the
/// sandbox drops every WebSocket connection twice and holds every frame back for a while. The workers reconnect and
/// resubscribe without a restart, keep trading, place no order twice (every client order id once on the exchange), and
/// reconciliation is clean with no nonce error.
/// </summary>
[Collection(FleetProcesses.Name)]
public sealed class SocketChaosTests
{
    private static readonly string[] Traders = ["mm-trader", "momo-trader", "hedge-trader"];
    private static readonly string[] Accounts = ["mm", "momo", "hedge"];

    [Fact]
    public async Task Run_SocketsDroppedAndDelayed_WorkersReconnectAndResubscribe_NoDuplicateOrder_ReconciliationClean()
    {
        await using var fleet = await LiveFleet.StartAsync();
        using var admin = new AdminClient(new Uri(fleet.App.BoundUrls()[0]), LiveFleet.AdminToken);
        var (run, status) = await fleet.StartRunAsync();
        using var _ = run;
        await Polling.UntilAsync(async () => (await fleet.StatusAsync(status)) is var p && Traders.All(t => p[t]["state"]!.GetValue<string>() == "running" && p[t]["heartbeat"] is not null), TimeSpan.FromSeconds(90), "every trader running and heartbeating");
        await Polling.UntilAsync(() => Task.FromResult(fleet.Fills("mm") > 0 && fleet.Fills("hedge") > 0), TimeSpan.FromSeconds(90), "the market maker and the futures strategy traded");

        await FaultAsync(admin, """{"dropSockets":true}""");
        await Task.Delay(TimeSpan.FromSeconds(8), TimeProvider.System, TestContext.Current.CancellationToken);
        await FaultAsync(admin, """{"socketDelayMs":1500}""");
        await Task.Delay(TimeSpan.FromSeconds(8), TimeProvider.System, TestContext.Current.CancellationToken);
        await FaultAsync(admin, """{"socketDelayMs":0}""");
        await FaultAsync(admin, """{"dropSockets":true}""");
        var afterFaults = Accounts.Sum(fleet.Fills);
        await Polling.UntilAsync(() => Task.FromResult(Accounts.Sum(fleet.Fills) > afterFaults), TimeSpan.FromSeconds(90), "trading after the faults");
        await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, TestContext.Current.CancellationToken);

        var final = await fleet.StatusAsync(status);
        foreach (var trader in Traders)
        {
            final[trader]["state"]!.GetValue<string>().ShouldBe("running", $"{trader} rode out the faults\n{run.Error}");
            final[trader]["restarts"]!.GetValue<int>().ShouldBe(0, $"{trader} reconnected instead of restarting\n{run.Error}");
        }

        run.Terminate();
        (await run.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0, run.Error);

        var journal = Journal(Path.Combine(fleet.Folder, "journal"));
        foreach (var trader in Traders)
        {
            var own = journal.Where(r => r.Process == trader).ToList();
            own.Count(r => r.Endpoint == "connect" && r.Outcome == "ok").ShouldBeGreaterThanOrEqualTo(3, $"{trader} reconnected after each drop");
            own.Count(r => r.Endpoint == "subscribe:executions" && r.Outcome == "ok").ShouldBeGreaterThanOrEqualTo(3, $"{trader} resubscribed its executions after each drop");
            own.ShouldNotContain(r => r.Venue == "futures", $"{trader} never called Futures REST");
        }

        foreach (var account in Accounts)
        {
            var orders = fleet.Exchange.ClosedOrders(account).Concat(fleet.Exchange.OpenOrders(account)).Where(o => o.ClientOrderId is not null).ToList();
            orders.GroupBy(o => o.ClientOrderId).ShouldAllBe(g => g.Count() == 1, $"no order of {account} placed twice");
        }

        var reconcile = await CliProcess.RunAsync(fleet.Environment, "reconcile", fleet.Manifest);
        TestContext.Current.TestOutputHelper?.WriteLine(reconcile.Out);
        reconcile.ExitCode.ShouldBe(0, reconcile.Out + reconcile.Error);
        var keys = fleet.KeyStats();
        keys.Sum(k => LiveFleet.NonceErrors(k.Stats)).ShouldBe(0);
        keys.ShouldAllBe(k => k.Stats.LockedUntil == null);
        fleet.ShouldConserve();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"socket chaos: {string.Join(", ", Traders.Select(t => $"{t} {journal.Count(r => r.Process == t && r.Endpoint == "connect")} connects"))}; trades {string.Join(", ", Accounts.Select(a => $"{a} {fleet.Fills(a)}"))}"));
    }

    private static async Task FaultAsync(AdminClient admin, string json)
    {
        var (code, body) = await admin.RawAsync(HttpMethod.Post, "/admin/faults", System.Text.Json.Nodes.JsonNode.Parse(json));
        code.ShouldBe(200, body);
    }

    private static List<(string Process, string Venue, string Endpoint, string Outcome)> Journal(string folder) =>
        [.. Directory.GetFiles(folder, "calls-*.jsonl").SelectMany(File.ReadAllLines).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return (root.GetProperty("process").GetString()!, root.GetProperty("venue").GetString()!, root.GetProperty("endpoint").GetString()!, root.GetProperty("outcome").GetString()!);
        })];
}
