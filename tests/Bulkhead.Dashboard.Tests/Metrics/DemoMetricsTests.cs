using System.Text.Json.Nodes;
using Bulkhead.Cli.Tests;
using Bulkhead.Dashboard.Tests.E2E;
using Bulkhead.EndToEnd.Tests.Fleet;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Metrics;

/// <summary>
/// Issue #19's must-show for metrics, on a real <c>bulkhead demo</c>: its <c>/metrics</c> passes <c>promtool check
/// metrics</c> while the fleet trades; a real Prometheus server scrapes it every second; once the kill switch has stopped
/// the trading (<c>bulkhead kill</c>), what Prometheus holds per strategy — fills, fees, P&amp;L — agrees with
/// <c>bulkhead report pnl --json</c> read from the same journal and exchange: fills and fees exactly, P&amp;L exactly once
/// each open position is moved from the report's mark to the mark /metrics valued it at (the sandbox's market keeps moving
/// between the two reads).
/// </summary>
[Collection(DashboardProcesses.Name)]
public sealed class DemoMetricsTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task DemoMetrics_PassPromtool_PrometheusScrapesThem_AndAgreesWithTheReport()
    {
        await using var demo = await DemoProcess.StartAsync(Settle);
        await using var prometheus = await PrometheusServer.StartAsync(demo.Dashboard);
        var manifest = Path.Combine(demo.DataFolder, "fleet.toml");

        // Trading: at least two strategies have fills, then /metrics passes promtool mid-run.
        await Polling.UntilAsync(async () => (await FillsAsync(demo)).Count(f => f.Value > 0) >= 2, Settle, "two strategies of the demo to fill");
        var exposition = await demo.Http.GetStringAsync(demo.Api("metrics"), TestContext.Current.CancellationToken);
        var (exit, lint) = await Promtool.CheckMetricsAsync(exposition);
        exit.ShouldBe(0, lint);
        await Polling.UntilAsync(async () => (await prometheus.TargetAsync()).Health == "up", TimeSpan.FromSeconds(60), "prometheus to scrape the demo");
        (await prometheus.QueryAsync("bulkhead_strategy_fills_total")).Count.ShouldBe(3);

        // The kill switch stops all trading; Prometheus then scrapes the final figures.
        var kill = await CliProcess.RunAsync(Environment(demo), "kill", manifest);
        kill.ExitCode.ShouldBe(0, kill.Out + kill.Error);
        var killedAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() / 1000d;
        double scrape = 0;
        await Polling.UntilAsync(async () => (scrape = await prometheus.LastScrapeAsync("bulkhead_kill_switch_pulled") ?? 0) > killedAt + 1, TimeSpan.FromSeconds(60), "a scrape after the kill switch");
        (await prometheus.QueryAsync("bulkhead_kill_switch_pulled", scrape)).Single().Value.ShouldBe(1m);

        // Every figure from that one scrape: P&L and the marks it was valued at.
        var scraped = await PromStrategiesAsync(prometheus, scrape);
        var scrapedMarks = (await prometheus.QueryAsync("bulkhead_market_mark_usd", scrape)).ToDictionary(s => s.Labels["symbol"], s => s.Value);

        var report = await CliProcess.RunAsync(Environment(demo), "report", "pnl", manifest, "--json");
        report.ExitCode.ShouldBe(0, report.Error);
        var json = JsonNode.Parse(report.Out)!;
        var reportMarks = json["marks"]!["symbols"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<decimal>());
        foreach (var strategy in json["strategies"]!.AsArray())
        {
            var name = (string)strategy!["strategy"]!;
            var prom = scraped[name];
            var line = $"{name}: prometheus fills {prom.Fills} fees {prom.Fees} pnl {prom.Pnl}; report fills {strategy["fills"]} fees {strategy["feesUsd"]} pnl {strategy["pnlUsd"]}";
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            prom.Fills.ShouldBe(strategy["fills"]!.GetValue<decimal>(), line);
            prom.Fees.ShouldBe(Usd(strategy["feesUsd"]!.GetValue<decimal>()), line);
            var moved = strategy["positions"]!.AsArray().Sum(p =>
                p!["position"]!.GetValue<decimal>() * (scrapedMarks[(string)p["symbol"]!] - reportMarks[(string)p["symbol"]!]));
            Math.Abs(prom.Pnl - Usd(strategy["pnlUsd"]!.GetValue<decimal>() + moved)).ShouldBeLessThanOrEqualTo(0.0002m, line + $"; positions moved to the scraped marks: {moved}");
        }

        scraped.Values.Sum(s => s.Fills).ShouldBeGreaterThan(0m);
    }

    private static Dictionary<string, string?> Environment(DemoProcess demo) => new()
    {
        ["BULKHEAD_HOME"] = Path.Combine(demo.DataFolder, "..", "home"),
        ["BULKHEAD_ADMIN_TOKEN"] = null,
        ["BULKHEAD_SECRETS_KEY"] = null,
        ["BULKHEAD_OPERATOR_TOKEN"] = null,
    };

    private static async Task<Dictionary<string, decimal>> FillsAsync(DemoProcess demo)
    {
        var pnl = JsonNode.Parse(await demo.Http.GetStringAsync(demo.Api("api/pnl"), TestContext.Current.CancellationToken))!;
        return pnl["strategies"]!.AsArray().ToDictionary(s => (string)s!["strategy"]!, s => (decimal)(int)s!["fills"]!);
    }

    private static async Task<Dictionary<string, (decimal Fills, decimal Fees, decimal Pnl)>> PromStrategiesAsync(PrometheusServer prometheus, double at)
    {
        var fills = (await prometheus.QueryAsync("bulkhead_strategy_fills_total", at)).ToDictionary(s => s.Labels["strategy"], s => s.Value);
        var fees = (await prometheus.QueryAsync("bulkhead_strategy_fees_usd_total", at)).ToDictionary(s => s.Labels["strategy"], s => s.Value);
        var pnl = (await prometheus.QueryAsync("bulkhead_strategy_pnl_usd", at)).ToDictionary(s => s.Labels["strategy"], s => s.Value);
        return fills.Keys.ToDictionary(k => k, k => (fills[k], fees[k], pnl[k]));
    }

    /// <summary>USD to 4 decimals, as the dashboard's figures are (Kraken's USD scale).</summary>
    private static decimal Usd(decimal value) => decimal.Round(value, 4, MidpointRounding.ToEven);
}
