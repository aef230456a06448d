using Bulkhead.Fleet.Coordination;
using Bulkhead.Kraken.Limits;
using Shouldly;
using Xunit;

namespace Bulkhead.Cli.Tests.Fleet;

/// <summary>
/// One key per process, enforced across real <c>bulkhead</c> processes against a real sandbox, on each coordination
/// backend: a second process on a held key is refused at once naming the holder; a killed holder's key is taken over
/// (at once on this host, after expiry from "another host") and the new holder's nonces start above the dead one's.
/// </summary>
public abstract class FleetProcessTests
{
    private static readonly TimeSpan ChildDeadline = TimeSpan.FromSeconds(60);

    /// <summary>The manifest's <c>coordination</c> value.</summary>
    protected abstract string Coordination();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string[] Balance(FleetSandbox sandbox, string process, params string[] more) =>
        ["api", "spot", "Balance", "--fleet", sandbox.ManifestPath, "--process", process, .. more];

    [Fact]
    public async Task SecondProcessOnAHeldKey_ExitsThreeWithinASecond_NamingTheHolder()
    {
        await using var sandbox = await FleetSandbox.StartAsync(SpotTier.Pro, keys: 1, Coordination());
        using var holder = CliChild.Start(sandbox.Environment, Balance(sandbox, "p1", "--repeat", "0", "--interval", "200ms"));
        await holder.WaitForOutputLinesAsync(1, ChildDeadline);

        // The refusal against what merely starting the program costs on this machine now (runtime, command tree),
        // interleaved, best of three each: the machine is shared, and load spikes are not the program's latency.
        var startup = TimeSpan.MaxValue;
        var elapsed = TimeSpan.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var started = TimeProvider.System.GetTimestamp();
            (await CliProcess.RunAsync(null, "api", "spot", "--help")).ExitCode.ShouldBe(0);
            startup = Min(startup, TimeProvider.System.GetElapsedTime(started));
            started = TimeProvider.System.GetTimestamp();
            var second = await CliProcess.RunAsync(sandbox.Environment, Balance(sandbox, "p1"));
            elapsed = Min(elapsed, TimeProvider.System.GetElapsedTime(started));

            second.ExitCode.ShouldBe(3, second.Error);
            second.Out.ShouldBeEmpty();
            second.Error.ShouldContain($"key k1 is held by process p1 (pid {holder.Pid} on {Environment.MachineName}) since ");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"second process refused (exit 3) after {elapsed.TotalMilliseconds:F0} ms; the program alone starts in {startup.TotalMilliseconds:F0} ms");
        // Measured and printed above (idle machine: well under a second beyond start-up). The bound asserted here only
        // proves the refusal is immediate rather than a wait for the lease: CI runs the test assemblies in parallel on
        // two cores, where one process start alone can take over a second.
        (elapsed - startup).ShouldBeLessThan(TimeSpan.FromSeconds(4), $"refused after {elapsed}; the program alone starts in {startup}");
        holder.HasExited.ShouldBeFalse();

        holder.Terminate();
        (await holder.WaitForExitAsync(ChildDeadline)).ShouldBe(0, holder.Error);
        holder.Error.ShouldContain(" 0 failed");
        var next = await CliProcess.RunAsync(sandbox.Environment, Balance(sandbox, "p1"));
        next.ExitCode.ShouldBe(0, next.Error); // SIGTERM released the lease
    }

    [Fact]
    public async Task KilledHolderOnThisHost_TakenOverAtOnce_FirstNonceAboveEveryNonceOfTheDeadOne()
    {
        await using var sandbox = await FleetSandbox.StartAsync(SpotTier.Pro, keys: 1, Coordination());
        var (dead, mark) = await KillAHolderAsync(sandbox, sandbox.Environment);

        var run = await CliProcess.RunAsync(sandbox.Environment, Balance(sandbox, "p1"));

        run.ExitCode.ShouldBe(0, run.Error);
        await ShouldHaveTakenOverAsync(sandbox, dead, mark);
    }

    [Fact]
    public async Task KilledHolderOnAnotherHost_TakenOverOnlyAfterExpiry_FirstNonceAboveEveryNonceOfTheDeadOne()
    {
        await using var sandbox = await FleetSandbox.StartAsync(SpotTier.Pro, keys: 1, Coordination());
        var (dead, mark) = await KillAHolderAsync(sandbox, sandbox.EnvironmentOnHost("host-a"));
        var onHostB = sandbox.EnvironmentOnHost("host-b");

        var early = await CliProcess.RunAsync(onHostB, Balance(sandbox, "p1"));
        early.ExitCode.ShouldBe(3, early.Error);
        early.Error.ShouldContain($"(pid {dead.Holder!.Pid} on host-a)");
        var started = TimeProvider.System.GetTimestamp();
        CliRun run;
        do
        {
            TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(ChildDeadline, "the lease was never taken over");
            run = await CliProcess.RunAsync(onHostB, Balance(sandbox, "p1"));
            run.ExitCode.ShouldBeOneOf([0, 3], run.Error);
            if (run.ExitCode == 3)
            {
                TimeProvider.System.GetUtcNow().ShouldBeLessThan(dead.ExpiresAt!.Value + TimeSpan.FromSeconds(1), "refused well after the lease expired");
            }
        }
        while (run.ExitCode == 3);

        TimeProvider.System.GetUtcNow().ShouldBeGreaterThanOrEqualTo(dead.ExpiresAt!.Value, "taken over before the lease expired");
        await ShouldHaveTakenOverAsync(sandbox, dead, mark);
    }

    [Fact]
    public async Task TwoProcessesWithTwoKeysOnOneAccount_EachGetsItsOwnFullRestCounter_NoRateLimitErrors()
    {
        // Kraken counts Spot REST calls per API key (spot.md §3), and the sandbox does too: two processes on one account,
        // each with its own key, may each use a whole counter. Pooled per account (as the fleet once booked it), each
        // would get half and this fails.
        var tier = SpotRestLimits.Pro;
        var window = TimeSpan.FromSeconds(20);
        await using var sandbox = await FleetSandbox.StartAsync(SpotTier.Pro, keys: 2, Coordination());
        var children = Enumerable.Range(1, 2)
            .Select(i => CliChild.Start(sandbox.Environment, Balance(sandbox, $"p{i}", "--repeat", "0", "--tier", "pro")))
            .ToList();
        try
        {
            // Each key's window opens with the first call the sandbox accepts from it (an idle counter banks nothing before).
            var opened = new Dictionary<string, long>(StringComparer.Ordinal);
            var waiting = TimeProvider.System.GetTimestamp();
            while (opened.Count < 2)
            {
                TimeProvider.System.GetElapsedTime(waiting).ShouldBeLessThan(ChildDeadline, string.Join("\n", children.Select(c => c.Error)));
                foreach (var key in sandbox.ApiKeys.Keys.Where(k => !opened.ContainsKey(k)))
                {
                    if ((await sandbox.StatsAsync(key))["succeeded"]!.GetValue<long>() > 0)
                    {
                        opened[key] = TimeProvider.System.GetTimestamp();
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, TestContext.Current.CancellationToken);
            }

            await Task.Delay(window, TimeProvider.System, TestContext.Current.CancellationToken);
            children.ForEach(c => c.Terminate());
            var elapsed = opened.ToDictionary(o => o.Key, o => TimeProvider.System.GetElapsedTime(o.Value), StringComparer.Ordinal);
            foreach (var child in children)
            {
                (await child.WaitForExitAsync(ChildDeadline)).ShouldBe(0, child.Error);
                child.Error.ShouldContain(" 0 failed");
                child.Error.ShouldNotContain("Rate limit exceeded");
            }

            var lines = new List<string>();
            foreach (var key in sandbox.ApiKeys.Keys.Order(StringComparer.Ordinal))
            {
                var stats = await sandbox.StatsAsync(key);
                var succeeded = stats["succeeded"]!.GetValue<long>();
                // A whole counter from empty: a burst of Maximum, then DecayPerSecond calls a second (Balance costs 1).
                var allowed = tier.Maximum + (tier.DecayPerSecond * (decimal)elapsed[key].TotalSeconds);
                lines.Add($"{key}: {succeeded} calls in {elapsed[key].TotalSeconds:F1} s, its counter allows {allowed:F1} ({succeeded / allowed:P1})");
                FleetSandbox.Failures(stats, "EAPI:Rate limit exceeded").ShouldBe(0, key);
                ((decimal)succeeded).ShouldBeInRange(allowed * 0.9m, allowed * 1.1m, key);
            }

            TestContext.Current.TestOutputHelper?.WriteLine("2 processes, 2 keys, one account: " + string.Join("; ", lines));
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }
    }

    // Starts p1 hammering Balance, kills it with SIGKILL after a few calls; returns its last lease row and the sandbox's
    // highest accepted nonce (every nonce the dead process used is at or below it). The lease lives 10 s: long enough
    // that a refusal from another host is still seen when process starts are slow (CI runs assemblies in parallel).
    private async Task<(LeaseState Dead, long HighestUsed)> KillAHolderAsync(FleetSandbox sandbox, IReadOnlyDictionary<string, string?> environment)
    {
        using var holder = CliChild.Start(environment, Balance(sandbox, "p1", "--repeat", "0", "--interval", "50ms", "--lease-ttl", "10"));
        await holder.WaitForOutputLinesAsync(5, ChildDeadline);
        holder.KillHard();
        await holder.WaitForExitAsync(ChildDeadline);

        var highest = (await sandbox.StatsAsync("k1"))["nonceHighWater"]!.GetValue<long>();
        using var store = CoordinationStore.Open(Coordination(), TimeProvider.System, sandbox.Folder);
        var dead = store.Describe("k1").ShouldNotBeNull();
        dead.Holder.ShouldNotBeNull().Pid.ShouldBe(holder.Pid);
        dead.NonceMark.ShouldBeGreaterThanOrEqualTo(highest, "the stored mark covers every nonce the holder used");
        return (dead, highest);
    }

    private async Task<LeaseState> ShouldHaveTakenOverAsync(FleetSandbox sandbox, LeaseState dead, long highestUsed)
    {
        var stats = await sandbox.StatsAsync("k1");
        FleetSandbox.Failures(stats, "EAPI:Invalid nonce").ShouldBe(0);
        var firstNonce = stats["nonceHighWater"]!.GetValue<long>(); // the new process made exactly one call
        firstNonce.ShouldBeGreaterThan(highestUsed);
        firstNonce.ShouldBeGreaterThan(dead.NonceMark);
        using var store = CoordinationStore.Open(Coordination(), TimeProvider.System, sandbox.Folder);
        var now = store.Describe("k1").ShouldNotBeNull();
        now.FencingToken.ShouldBeGreaterThan(dead.FencingToken);
        now.Holder.ShouldBeNull(); // it released on exit
        TestContext.Current.TestOutputHelper?.WriteLine($"dead holder's highest nonce {highestUsed}, stored mark {dead.NonceMark}, new holder's first nonce {firstNonce}");
        return now;
    }
}
