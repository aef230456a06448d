using System.Diagnostics;
using System.Globalization;
using Bulkhead.Cli.Tests;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>
/// Issue #8's chaos must-show: while <c>bulkhead run</c> supervises the example fleet, SIGKILL random strategy workers 20
/// times (pids from the supervisor's <c>/api/status</c>). The supervisor restarts each; afterwards reconciliation is clean,
/// no nonce error ever reached the exchange, and every order open at a kill was closed within the dead man's switch window.
/// </summary>
[Collection(FleetProcesses.Name)]
public sealed class ChaosTests
{
    private static readonly string[] Traders = ["mm-trader", "momo-trader", "hedge-trader"];
    private static readonly Dictionary<string, string> AccountOf = new() { ["mm-trader"] = "mm", ["momo-trader"] = "momo", ["hedge-trader"] = "hedge" };

    /// <summary>The workers' default dead man's switch (the example fleet sets no dms_seconds).</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Run_20RandomSigkills_AllRestarted_ReconciliationClean_NoNonceError_NoOrphanPastTheWindow()
    {
        await using var fleet = await LiveFleet.StartAsync();
        var (run, status) = await fleet.StartRunAsync();
        using var _ = run;
        var random = new Random(8);
        var kills = new List<(string Process, int Pid, DateTimeOffset At)>();
        await Polling.UntilAsync(async () => (await fleet.StatusAsync(status)).Values.Count(p => p["state"]!.GetValue<string>() == "running") == 4, TimeSpan.FromSeconds(90), "every process running");

        var start = TimeProvider.System.GetTimestamp();
        while (kills.Count < 20)
        {
            TimeProvider.System.GetElapsedTime(start).ShouldBeLessThan(TimeSpan.FromMinutes(8), $"only {kills.Count} kills so far\n{run.Out}\n{run.Error}");
            var processes = await fleet.StatusAsync(status);
            // A worker that has been running a while (it heartbeats, so it trades and has armed its switch); the first half of
            // the kills wait for one with orders resting on the book, so the orphan check always has orders to follow even
            // when a busy machine slows the restarted workers down.
            var victims = Traders.Where(t => processes[t]["state"]!.GetValue<string>() == "running" && processes[t]["heartbeat"] is not null
                && processes[t]["pid"] is not null && !kills.Any(k => k.Pid == processes[t]["pid"]!.GetValue<int>())
                && (kills.Count >= 10 || fleet.Exchange.OpenOrders(AccountOf[t]).Count > 0)).ToList();
            if (victims.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System, TestContext.Current.CancellationToken);
                continue;
            }

            var victim = victims[random.Next(victims.Count)];
            var pid = processes[victim]["pid"]!.GetValue<int>();
            Process.GetProcessById(pid).Kill(); // SIGKILL
            kills.Add((victim, pid, TimeProvider.System.GetUtcNow()));
            await Task.Delay(TimeSpan.FromMilliseconds(1500 + random.Next(1500)), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        await Polling.UntilAsync(async () => (await fleet.StatusAsync(status)) is var now && Traders.All(t => now[t]["state"]!.GetValue<string>() == "running"), TimeSpan.FromSeconds(120), "every trader running again after the kills");
        var final = await fleet.StatusAsync(status);
        foreach (var trader in Traders)
        {
            final[trader]["restarts"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(kills.Count(k => k.Process == trader), $"{trader} restarted after each kill");
        }

        await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, TestContext.Current.CancellationToken);
        run.Terminate();
        (await run.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0, run.Error);

        var reconcile = await CliProcess.RunAsync(fleet.Environment, "reconcile", fleet.Manifest);
        TestContext.Current.TestOutputHelper?.WriteLine(reconcile.Out);
        reconcile.ExitCode.ShouldBe(0, reconcile.Out + reconcile.Error);

        var keys = fleet.KeyStats();
        keys.Sum(k => LiveFleet.NonceErrors(k.Stats)).ShouldBe(0, "no nonce error ever reached the exchange");
        keys.ShouldAllBe(k => k.Stats.LockedUntil == null);

        var longest = TimeSpan.Zero;
        var orphans = 0;
        foreach (var (process, pid, at) in kills)
        {
            var account = AccountOf[process];
            var open = fleet.Exchange.ClosedOrders(account).Concat(fleet.Exchange.OpenOrders(account))
                .Where(o => o.OpenedAt <= at && (o.ClosedAt is null || o.ClosedAt > at)).ToList();
            foreach (var order in open)
            {
                orphans++;
                order.ClosedAt.ShouldNotBeNull($"order {order.Id} of {account}, open when pid {pid} was killed at {at:O}, is still open");
                var lived = order.ClosedAt!.Value - at;
                longest = lived > longest ? lived : longest;
                lived.ShouldBeLessThanOrEqualTo(Window + TimeSpan.FromSeconds(2), $"order {order.Id} ({order.Status}, {order.Reason}) outlived its killed worker by {lived}");
            }
        }

        fleet.ShouldConserve();
        var fills = string.Join(", ", AccountOf.Values.Select(a => $"{a} {fleet.Fills(a)}"));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"chaos: {kills.Count} SIGKILLs ({string.Join(", ", Traders.Select(t => $"{t} {kills.Count(k => k.Process == t)}× killed, {final[t]["restarts"]} restarts"))}); " +
            $"{orphans} orders open at a kill, the longest closed {longest.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s after; exchange trades: {fills}; signed requests {keys.Sum(k => k.Stats.Requests)}, nonce errors 0");
        orphans.ShouldBeGreaterThan(0, "the test killed workers with orders resting on the book");
    }
}
