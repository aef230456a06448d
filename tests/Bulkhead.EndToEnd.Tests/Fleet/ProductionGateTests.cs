using Bulkhead.Cli.Tests;
using Bulkhead.Cli.Tests.Fleet;
using Bulkhead.Fleet.Operations;
using Bulkhead.Sandbox;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>
/// "Test in UAT before production", enforced through the real CLI: <c>run --env production</c> and <c>plan</c> refuse a
/// manifest revision without a clean sandbox run; a whole-fleet sandbox run stopped with SIGTERM is judged and recorded;
/// after it production is allowed; a changed allowlist makes a new revision that is refused again; <c>--force</c> runs
/// anyway and is journaled. The example's production environment points at the test's sandbox, so no call leaves loopback.
/// </summary>
public sealed class ProductionGateTests
{
    [Fact]
    public async Task Production_RefusedUntilACleanSandboxRunOfThisRevision_ForceIsJournaled()
    {
        await using var fleet = await LiveFleet.StartAsync();
        var url = fleet.App.BoundUrls()[0].TrimEnd('/');
        var text = await File.ReadAllTextAsync(fleet.Manifest, TestContext.Current.CancellationToken);
        text = text.Replace("https://api.kraken.com", url, StringComparison.Ordinal).Replace("https://futures.kraken.com", url, StringComparison.Ordinal);
        await File.WriteAllTextAsync(fleet.Manifest, text, TestContext.Current.CancellationToken);

        var plan = await CliProcess.RunAsync(fleet.Environment, "plan", fleet.Manifest, "--env", "production");
        plan.ExitCode.ShouldBe(0, plan.Error);
        plan.Out.ShouldContain("[ ] 0. NOT TESTED in the sandbox before production: not tested: no sandbox run of this fleet is recorded");

        var refused = await CliProcess.RunAsync(fleet.Environment, "run", fleet.Manifest, "--env", "production");
        refused.ExitCode.ShouldBe(2, refused.Out + refused.Error);
        refused.Error.ShouldContain("bulkhead run: refused on production: not tested: no sandbox run of this fleet is recorded (manifest revision ");
        refused.Error.ShouldContain("--force");

        // The rehearsal: the whole fleet on the sandbox until every process has heartbeated and traded a little, then SIGTERM.
        var (run, status) = await fleet.StartRunAsync();
        using (run)
        {
            await Polling.UntilAsync(async () => (await fleet.StatusAsync(status)).Values.All(p => p["state"]!.GetValue<string>() == "running" && p["heartbeat"] is not null),
                TimeSpan.FromSeconds(90), "every process running with a heartbeat");
            await Polling.UntilAsync(() => fleet.Fills("mm") + fleet.Fills("momo") + fleet.Fills("hedge") > 0, TimeSpan.FromSeconds(60), "a fill");
            run.Terminate();
            (await run.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(0, run.Error);
            run.Out.ShouldMatch(@"rehearsal run-\d{8}-\d{6}-[0-9a-f]{6}: clean on sandbox — manifest revision [0-9a-f]{16} may run in production \(4 processes ran, reconciliation clean, 0 nonce errors, 0 lockouts\)", run.Out + run.Error);
        }

        plan = await CliProcess.RunAsync(fleet.Environment, "plan", fleet.Manifest, "--env", "production");
        plan.Out.ShouldContain("[x] 0. TESTED in the sandbox before production: tested: manifest revision ");

        (await StartsAsync(fleet, "run", fleet.Manifest, "--env", "production")).Out.ShouldContain("production gate: tested: manifest revision ");

        // A wider allowlist is a new revision: refused again, naming the change.
        var wider = text.Replace("[keys.mm-trader]\naccount = \"mm\"\nvenue = \"spot\"\npermissions = \"role\"\nip_allowlist = [\"127.0.0.1/32\"]",
            "[keys.mm-trader]\naccount = \"mm\"\nvenue = \"spot\"\npermissions = \"role\"\nip_allowlist = [\"127.0.0.0/8\"]", StringComparison.Ordinal);
        wider.ShouldNotBe(text);
        await File.WriteAllTextAsync(fleet.Manifest, wider, TestContext.Current.CancellationToken);
        refused = await CliProcess.RunAsync(fleet.Environment, "run", fleet.Manifest, "--env", "production");
        refused.ExitCode.ShouldBe(2, refused.Out + refused.Error);
        refused.Error.ShouldContain("not tested: the manifest changed since its last sandbox run (revision ");

        var forced = await StartsAsync(fleet, "run", fleet.Manifest, "--env", "production", "--force");
        forced.Error.ShouldContain("bulkhead run: FORCED on production past the production gate");
        using var journal = OperatorJournal.Open("sqlite:" + Path.Combine(fleet.Folder, "fleet.db"), TimeProvider.System);
        var action = journal.Recent().ShouldHaveSingleItem();
        action.Action.ShouldBe("force-production");
        action.Target.ShouldStartWith("production revision ");
        action.State.ShouldBe(OperatorActionState.Done);
        action.Result!.ShouldContain("the manifest changed since its last sandbox run");
    }

    /// <summary>Starts <c>bulkhead …</c>, waits until it says it runs the fleet, stops it with SIGTERM; its output.</summary>
    private static async Task<(string Out, string Error)> StartsAsync(LiveFleet fleet, params string[] arguments)
    {
        using var child = CliChild.Start(fleet.Environment, arguments);
        await Polling.UntilAsync(() => child.Out.Contains("running fleet desk", StringComparison.Ordinal) || child.HasExited, TimeSpan.FromSeconds(60), "the run to start");
        child.HasExited.ShouldBeFalse(child.Out + child.Error);
        child.Terminate();
        (await child.WaitForExitAsync(TimeSpan.FromSeconds(120))).ShouldBe(0, child.Error);
        return (child.Out, child.Error);
    }
}
