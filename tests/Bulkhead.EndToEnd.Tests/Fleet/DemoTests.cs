using System.Globalization;
using System.Text.RegularExpressions;
using Bulkhead.Cli.Tests.Fleet;
using Shouldly;
using Xunit;

namespace Bulkhead.EndToEnd.Tests.Fleet;

/// <summary>
/// Issue #8's must-show: <c>bulkhead demo --duration 60s</c> as a real process — embedded sandbox, provisioning, the fleet
/// as real worker processes, then report, reconciliation and the sandbox's checks. The numbers are printed.
/// </summary>
[Collection(FleetProcesses.Name)]
public sealed partial class DemoTests
{
    [Fact]
    public async Task Demo_60s_StrategiesTradeInTheirOwnSubaccounts_NoNonceError_ReconciliationClean()
    {
        var folder = Directory.CreateTempSubdirectory("bulkhead-demo-e2e-").FullName;
        try
        {
            using var demo = CliChild.Start(
                new Dictionary<string, string?> { ["BULKHEAD_HOME"] = Path.Combine(folder, "home"), ["BULKHEAD_ADMIN_TOKEN"] = null, ["BULKHEAD_SECRETS_KEY"] = null, ["BULKHEAD_DEMO_STRATEGIES"] = DeskStrategies() },
                "demo", "--duration", "60s", "--port", "0", "--data", Path.Combine(folder, "demo"));
            var code = await demo.WaitForExitAsync(TimeSpan.FromMinutes(5));
            var output = demo.Out;
            TestContext.Current.TestOutputHelper?.WriteLine(output);

            code.ShouldBe(0, $"{output}\n{demo.Error}");
            var strategies = StrategyLine().Matches(output).Select(m => (Strategy: m.Groups[1].Value, Fills: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Account: m.Groups[3].Value)).ToList();
            strategies.Select(s => s.Strategy).ShouldBe(["hedge", "mm", "momo", "twap"], ignoreOrder: true, output);
            strategies.ShouldContain(s => s.Strategy == "mm" && s.Fills > 0, output); // takers hit its quotes every minute
            strategies.Count(s => s.Fills > 0).ShouldBeGreaterThanOrEqualTo(2, output); // a trend strategy waits for a move that beats its fees
            strategies.Where(s => s.Fills > 0).Select(s => s.Account).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2, output);
            output.ShouldContain("nonce errors=0, keys locked out=0");
            output.ShouldContain("reconciliation clean");
            output.ShouldContain("sandbox ledger conserved=true");
            var pnl = PnlLine().Match(output);
            pnl.Success.ShouldBeTrue(output);
            var (sum, consolidated, allowance) = (Decimal(pnl.Groups[1].Value), Decimal(pnl.Groups[2].Value), Decimal(pnl.Groups[3].Value));
            Math.Abs(sum - consolidated).ShouldBeLessThanOrEqualTo(allowance, "per-strategy P&L sums to the consolidated P&L");
            output.ShouldContain("demo: OK");
            output.ShouldContain("desk strategy: twap runs Desk.Strategies.TouchTwap from ");
            strategies.ShouldContain(s => s.Strategy == "twap" && s.Fills > 0 && s.Account == "twap", "the desk's own strategy, loaded from its assembly, traded");
            File.Exists(Path.Combine(folder, "demo", "fleet.toml")).ShouldBeTrue();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"demo numbers: {string.Join(", ", strategies.Select(s => $"{s.Strategy} {s.Fills} fills in {s.Account}"))}; Σ strategies {sum} USD, consolidated {consolidated} USD");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The desk's example strategies, built against the packed SDK by examples/strategies/build.sh (test.sh runs it).</summary>
    private static string DeskStrategies()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bulkhead.slnx")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory!.FullName, "artifacts", "strategies", "Desk.Strategies.dll");
        File.Exists(path).ShouldBeTrue($"{path} is built by examples/strategies/build.sh (test.sh runs it before the tests)");
        return path;
    }

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^demo: strategy (\S+) fills=(\d+) account=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex StrategyLine();

    [GeneratedRegex(@"^demo: per-strategy P&L sum (\S+) USD, consolidated (\S+) USD \(allowance (\S+)\)$", RegexOptions.Multiline)]
    private static partial Regex PnlLine();
}
