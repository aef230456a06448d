using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary>examples/grafana-dashboard.json: valid JSON whose every query names metrics the supervisor's /metrics has.</summary>
public sealed partial class GrafanaDashboardTests
{
    [Fact]
    public async Task GrafanaDashboard_EveryMetricItQueries_IsOnMetrics()
    {
        var dashboard = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "examples", "grafana-dashboard.json"), TestContext.Current.CancellationToken))!;
        var queries = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]?.AsArray() ?? []).Select(t => (string)t!["expr"]!).ToList();
        var queried = queries.SelectMany(q => MetricName().Matches(q).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        await using var fleet = await DashboardFixture.CreateAsync();
        fleet.AllRunning();
        await fleet.ServeAsync();

        var exposition = await fleet.Http.GetStringAsync(fleet.Url("metrics"), TestContext.Current.CancellationToken);

        var served = exposition.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToHashSet(StringComparer.Ordinal);
        queries.Count.ShouldBeGreaterThan(20);
        queried.Except(served).ShouldBeEmpty($"queried but not on /metrics; it has {string.Join(", ", served)}");
        ((string)dashboard["__inputs"]![0]!["pluginId"]!).ShouldBe("prometheus");
        TestContext.Current.TestOutputHelper?.WriteLine($"{queries.Count} queries over {queried.Count} of the {served.Count} metrics");
    }

    [GeneratedRegex("bulkhead_[a-z0-9_]+")]
    private static partial Regex MetricName();
}
