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

            // Every trader streams (the default transport); the futures strategy's orders never touch Futures REST.
            var calls = CallsLine().Matches(output).Select(m => (Process: m.Groups[1].Value, Transport: m.Groups[2].Value, RestCalls: int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), Socket: int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), FuturesOrders: int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture))).ToList();
            calls.Select(c => c.Process).ShouldBe(["mm-trader", "momo-trader", "hedge-trader", "twap-trader"], ignoreOrder: true);
            calls.ShouldAllBe(c => c.Transport == "websocket" && c.FuturesOrders == 0 && c.Socket > 0);
            var journal = ReadJournal(Path.Combine(folder, "demo", "journal"));
            journal.Where(r => r.Process == "hedge-trader" && r.Endpoint == "add_order").ShouldAllBe(r => r.Venue == "unified-ws");
            journal.Count(r => r.Process == "hedge-trader" && r.Endpoint == "add_order").ShouldBeGreaterThan(0);
            journal.ShouldNotContain(r => r.Venue == "futures" && r.Process.StartsWith("hedge-", StringComparison.Ordinal));
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

    /// <summary><c>--transport rest</c>: every trader polls REST — kept and green; the futures strategy's orders go over Futures REST.</summary>
    [Fact]
    public async Task Demo_60s_OnRest_TradesAndReconciles_FuturesOrdersOnFuturesRest()
    {
        var folder = Directory.CreateTempSubdirectory("bulkhead-demo-rest-").FullName;
        try
        {
            using var demo = CliChild.Start(
                new Dictionary<string, string?> { ["BULKHEAD_HOME"] = Path.Combine(folder, "home"), ["BULKHEAD_ADMIN_TOKEN"] = null, ["BULKHEAD_SECRETS_KEY"] = null },
                "demo", "--duration", "60s", "--port", "0", "--transport", "rest", "--data", Path.Combine(folder, "demo"));
            var code = await demo.WaitForExitAsync(TimeSpan.FromMinutes(5));
            var output = demo.Out;
            TestContext.Current.TestOutputHelper?.WriteLine(output);

            code.ShouldBe(0, $"{output}\n{demo.Error}");
            output.ShouldContain("nonce errors=0, keys locked out=0");
            output.ShouldContain("reconciliation clean");
            var calls = CallsLine().Matches(output).ToDictionary(m => m.Groups[1].Value, m => (Transport: m.Groups[2].Value, Socket: int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), FuturesOrders: int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture)));
            calls.Values.ShouldAllBe(c => c.Transport == "rest" && c.Socket == 0);
            calls["hedge-trader"].FuturesOrders.ShouldBeGreaterThan(0, "the journal check sees Futures REST orders when there are some");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static List<(string Process, string Venue, string Endpoint)> ReadJournal(string folder) =>
        [.. Directory.GetFiles(folder, "calls-*.jsonl").SelectMany(File.ReadAllLines).Select(line =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            var root = json.RootElement;
            return (root.GetProperty("process").GetString()!, root.GetProperty("venue").GetString()!, root.GetProperty("endpoint").GetString()!);
        })];

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^demo: strategy (\S+) fills=(\d+) account=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex StrategyLine();

    [GeneratedRegex(@"^demo: calls process=(\S+) transport=(\S+) rest=(\d+) rest-per-minute=\S+ socket=(\d+) futures-rest-orders=(\d+)$", RegexOptions.Multiline)]
    private static partial Regex CallsLine();

    [GeneratedRegex(@"^demo: per-strategy P&L sum (\S+) USD, consolidated (\S+) USD \(allowance (\S+)\)$", RegexOptions.Multiline)]
    private static partial Regex PnlLine();
}
