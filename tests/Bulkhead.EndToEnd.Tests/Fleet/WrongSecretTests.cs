using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Bulkhead.Cli.Tests;
using Bulkhead.Testing.Fleet;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>
/// Issue #8's must-show: one process with a wrong secret is halted after the lockout guard's limit (3 failures), the
/// sandbox never locks the key out (it would after 10), and every other strategy keeps trading.
/// </summary>
[Collection(FleetProcesses.Name)]
public sealed class WrongSecretTests
{
    [Fact]
    public async Task Run_WrongSecretForMomoTrader_HaltedAuth_KeyNeverLockedOut_OthersKeepTrading()
    {
        await using var fleet = await LiveFleet.StartAsync(ExampleManifests.EagerTrends); // the hedge keeps filling after the halt
        var list = await CliProcess.RunAsync(fleet.Environment, "secrets", "list", "--json", "--fleet", fleet.Manifest);
        list.ExitCode.ShouldBe(0, list.Error);
        var masked = JsonNode.Parse(list.Out)!.AsArray().First(e => e!["name"]!.GetValue<string>() == "momo-trader")!["apiKey"]!.GetValue<string>();
        var key = fleet.Exchange.Keys("momo").Single(k => k.MaskedKey == masked);
        var wrong = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var rotate = await CliProcess.RunWithInputAsync(fleet.Environment, wrong + "\n", "secrets", "rotate", "momo-trader", "--key", key.Key, "--secret-stdin", "--fleet", fleet.Manifest);
        rotate.ExitCode.ShouldBe(0, rotate.Error);

        var (run, status) = await fleet.StartRunAsync();
        using var _ = run;
        await Polling.UntilAsync(async () => (await fleet.StatusAsync(status))["momo-trader"]["state"]!.GetValue<string>() == "halted", TimeSpan.FromSeconds(90), $"momo-trader halted");
        var halted = (await fleet.StatusAsync(status))["momo-trader"];
        halted["haltReason"]!.GetValue<string>().ShouldStartWith("auth");
        var stats = fleet.KeyStats().Single(k => k.Key.Key == key.Key).Stats;
        var failures = stats.FailuresByKind.Values.Sum();
        failures.ShouldBeInRange(1, 3, "the lockout guard stops at its limit, far below the sandbox's 10");
        stats.LockedUntil.ShouldBeNull("the sandbox never locked the key out");

        var atHalt = new Dictionary<string, int> { ["mm"] = fleet.Fills("mm"), ["hedge"] = fleet.Fills("hedge") };
        await Polling.UntilAsync(() => fleet.Fills("mm") > atHalt["mm"] && fleet.Fills("hedge") > atHalt["hedge"], TimeSpan.FromSeconds(120), "mm and hedge to keep filling after the halt");
        var after = await fleet.StatusAsync(status);
        after["mm-trader"]["state"]!.GetValue<string>().ShouldBe("running");
        after["hedge-trader"]["state"]!.GetValue<string>().ShouldBe("running");
        after["momo-trader"]["state"]!.GetValue<string>().ShouldBe("halted", "never restarted");
        after["momo-trader"]["restarts"]!.GetValue<int>().ShouldBe(0);

        run.Terminate();
        (await run.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0, run.Error);
        fleet.KeyStats().Single(k => k.Key.Key == key.Key).Stats.LockedUntil.ShouldBeNull();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"wrong secret: momo-trader halted ({halted["haltReason"]}) after {failures} auth failures ({string.Join(", ", stats.FailuresByKind.Select(f => $"{f.Key} {f.Value}"))}); " +
            $"fills mm {atHalt["mm"]}→{fleet.Fills("mm")}, hedge {atHalt["hedge"]}→{fleet.Fills("hedge")}");
    }
}
