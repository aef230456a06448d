using System.Globalization;
using Bulkhead.EndToEnd.Tests.Fleet;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Hosts;

/// <summary>
/// Issue #18 on a real multi-host bed (<see cref="NetnsBed"/>, <see cref="HostFleet"/>): two hosts in their own network
/// namespaces with their own addresses, one supervisor each (<c>bulkhead run --host</c>) on one PostgreSQL store, one
/// trader whose key the sandbox accepts from both addresses only. What happened is read from the sandbox's own per-key
/// call log, with the source address of every request.
/// </summary>
[Collection(HostBedGroup.Name)]
public sealed class MultiHostTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>How many failovers the SIGKILL test runs (BULKHEAD_BED_FAILOVERS; 3 by default, so CI stays fast).</summary>
    private static int Failovers =>
        int.TryParse(Environment.GetEnvironmentVariable("BULKHEAD_BED_FAILOVERS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 50 ? n : 3;

    [Fact]
    public async Task SigkillEveryProcessOfTheOwningHost_TheStandbyRunsTheTrader_NeverTwoHostsOnTheKey()
    {
        await using var fleet = await HostFleet.StartAsync(handBackAfter: TimeSpan.FromHours(1));
        fleet.StartSupervisor("a");
        await Polling.UntilAsync(async () => (await fleet.CallsAsync()).Any(c => c.Host == "a" && IsOrder(c)), Deadline, "host a to place orders");
        fleet.StartSupervisor("b");
        await Task.Delay(HostFleet.LeaseTime, TimeProvider.System, TestContext.Current.CancellationToken);
        (await fleet.OwnerAsync()).ShouldBe("a", "the preferred host owns the trader");

        var owner = "a";
        var times = new List<TimeSpan>();
        for (var run = 0; run < Failovers; run++)
        {
            var standby = owner == "a" ? "b" : "a";
            var killedAt = TimeProvider.System.GetUtcNow();
            fleet.KillHost(owner);
            await Polling.UntilAsync(async () => (await fleet.CallsAsync()).Any(c => c.Host == standby && IsOrder(c) && c.At > killedAt), Deadline, $"host {standby} to place orders after host {owner} was killed");
            var calls = await fleet.CallsAsync();
            var last = calls.Where(c => c.Host == owner && IsOrder(c) && c.At <= killedAt).Max(c => c.At);
            var first = calls.Where(c => c.Host == standby && IsOrder(c) && c.At > killedAt).Min(c => c.At);
            times.Add(first - last);
            var firstCall = calls.Where(c => c.Host == standby && c.At > killedAt).Min(c => c.At);
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"failover {run + 1}: {owner} → {standby}: last order from {owner} to first from {standby} {(first - last).TotalSeconds:0.00} s (last order {(killedAt - last).TotalSeconds:0.00} s before the kill; {standby}'s first call {(firstCall - killedAt).TotalSeconds:0.00} s after it, first order {(first - killedAt).TotalSeconds:0.00} s after it)"));

            // The killed host comes back as a standby (the hand-back delay is long: it does not take the trader back).
            fleet.StartSupervisor(owner);
            await Task.Delay(HostFleet.LeaseTime, TimeProvider.System, TestContext.Current.CancellationToken);
            (await fleet.OwnerAsync()).ShouldBe(standby);
            owner = standby;
        }

        var all = await fleet.CallsAsync();
        all.Count(c => c.Outcome.Contains("nonce", StringComparison.OrdinalIgnoreCase)).ShouldBe(0, "no EAPI:Invalid nonce");
        all.ShouldNotContain(c => c.Outcome == "EGeneral:Permission denied" || c.Outcome.StartsWith("EAPI:Invalid key", StringComparison.Ordinal));

        // One unbroken run of calls per ownership: two hosts never interleave on the key.
        HostFleet.Runs(all).Select(r => r.Host).ShouldBe(Enumerable.Range(0, Failovers + 1).Select(i => i % 2 == 0 ? "a" : "b"));
        var sorted = times.Order().ToList();
        var summary = $"{Failovers} failovers, lease time {HostFleet.LeaseTime.TotalSeconds:0} s: median {sorted[sorted.Count / 2].TotalSeconds:0.00} s, max {sorted[^1].TotalSeconds:0.00} s; each: {string.Join(", ", times.Select(t => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)))}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("BULKHEAD_BED_REPORT") is { Length: > 0 } report)
        {
            await File.AppendAllTextAsync(report, summary + Environment.NewLine, TestContext.Current.CancellationToken);
        }

        // Generous: the lease time, a claim tick, a worker's start and its first quote, on a loaded 2-core machine.
        sorted[sorted.Count / 2].ShouldBeLessThan(HostFleet.LeaseTime + TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task PartitionTheOwnerFromPostgres_ItStopsSigningBeforeTheStandbyStarts_AndRejoinsAsStandbyAfterTheHeal()
    {
        var handBack = TimeSpan.FromSeconds(20);
        await using var fleet = await HostFleet.StartAsync(handBackAfter: handBack);
        fleet.StartSupervisor("a");
        await Polling.UntilAsync(async () => (await fleet.CallsAsync()).Any(c => c.Host == "a" && IsOrder(c)), Deadline, "host a to place orders");
        fleet.StartSupervisor("b");
        await Task.Delay(HostFleet.LeaseTime, TimeProvider.System, TestContext.Current.CancellationToken);

        // Host a loses PostgreSQL but still reaches the exchange.
        var cutAt = TimeProvider.System.GetUtcNow();
        fleet.Bed.Cut("a", fleet.Relay.Port);
        await Polling.UntilAsync(async () => (await fleet.CallsAsync()).Any(c => c.Host == "b" && IsOrder(c)), Deadline, "host b to take the trader over");
        var calls = await fleet.CallsAsync();
        var lastFromA = calls.Where(c => c.Host == "a").Max(c => c.At);
        var firstFromB = calls.Where(c => c.Host == "b").Min(c => c.At);
        TestContext.Current.TestOutputHelper?.WriteLine($"cut at {cutAt:O}; a's last call {(lastFromA - cutAt).TotalSeconds:0.00} s after the cut; b's first call {(firstFromB - cutAt).TotalSeconds:0.00} s after");
        lastFromA.ShouldBeLessThan(firstFromB, "a stopped signing before b started");
        (lastFromA - cutAt).ShouldBeLessThan(HostFleet.LeaseTime, "a fenced itself within its lease time");
        HostFleet.Runs(calls).Select(r => r.Host).ShouldBe(["a", "b"]);

        // Heal: a comes back as a standby; b keeps the trader until a has been up for the hand-back delay.
        fleet.Bed.Heal("a");
        var healedAt = TimeProvider.System.GetUtcNow();
        await Task.Delay(HostFleet.LeaseTime, TimeProvider.System, TestContext.Current.CancellationToken);
        (await fleet.OwnerAsync()).ShouldBe("b");
        (await fleet.CallsAsync()).ShouldNotContain(c => c.Host == "a" && c.At > healedAt, "a rejoined as a standby");

        // Then the clean handover: b stops its worker, releases; a (preferred) starts it. Never both.
        await Polling.UntilAsync(async () => (await fleet.CallsAsync()).Any(c => c.Host == "a" && IsOrder(c) && c.At > healedAt), Deadline, "the hand-back to host a");
        var all = await fleet.CallsAsync();
        HostFleet.Runs(all).Select(r => r.Host).ShouldBe(["a", "b", "a"]);
        all.Count(c => c.Outcome.Contains("nonce", StringComparison.OrdinalIgnoreCase)).ShouldBe(0, "no EAPI:Invalid nonce");
        (await fleet.OwnerAsync()).ShouldBe("a");
    }

    private static bool IsOrder(BedCall call) => call.Path.EndsWith("/AddOrder", StringComparison.Ordinal) && call.Outcome == "ok";
}

/// <summary>The bed's tests run one at a time: each starts a sandbox and two supervisors on a 2-core machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostBedGroup
{
    public const string Name = "multi-host bed";
}
