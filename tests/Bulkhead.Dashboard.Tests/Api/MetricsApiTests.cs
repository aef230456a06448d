using System.Globalization;
using System.Net;
using Bulkhead.Dashboard.Tests.Metrics;
using Shouldly;
using Xunit;

namespace Bulkhead.Dashboard.Tests.Api;

/// <summary><c>GET /metrics</c> on the dashboard's port: Prometheus text that promtool accepts, with the page's figures.</summary>
public sealed class MetricsApiTests
{
    [Fact]
    public async Task Metrics_PassesPromtool_AndShowsThePagesPnlFillsAndFees()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        FleetData.Seed(fleet);
        fleet.AllRunning();
        await fleet.ServeAsync();

        using var response = await fleet.Http.GetAsync(fleet.Url("metrics"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        var (exit, output) = await Promtool.CheckMetricsAsync(text);
        exit.ShouldBe(0, output + "\n" + text);
        var pnl = await fleet.GetJsonAsync("api/pnl");
        foreach (var strategy in pnl["strategies"]!.AsArray())
        {
            var name = (string)strategy!["strategy"]!;
            Sample(text, "bulkhead_strategy_pnl_usd", name).ShouldBe(FleetData.Dec(strategy["pnlUsd"]), name);
            Sample(text, "bulkhead_strategy_fees_usd_total", name).ShouldBe(FleetData.Dec(strategy["feesUsd"]), name);
            Sample(text, "bulkhead_strategy_fills_total", name).ShouldBe((decimal)(int)strategy["fills"]!, name);
        }

        Sample(text, "bulkhead_strategy_fills_total", "mm").ShouldBe(2m);
        text.ShouldContain("bulkhead_process_state{process=\"mm-trader\",role=\"trader\",state=\"running\"} 1\n");
        text.ShouldContain("bulkhead_account_margin_level_ratio{account=\"hedge\"} ");
        text.ShouldContain("bulkhead_fees_volume_30d_usd 61234.50\n");
    }

    [Fact]
    public async Task Metrics_BehindTheToken_LikeTheRestOfTheDashboard()
    {
        await using var fleet = await DashboardFixture.CreateAsync();
        await fleet.ServeAsync(token: "metrics-token-0123456789");

        using var anonymous = await fleet.Http.GetAsync(fleet.Url("metrics"), TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, fleet.Url("metrics"));
        request.Headers.Authorization = new("Bearer", "metrics-token-0123456789");
        using var bearer = await fleet.Http.SendAsync(request, TestContext.Current.CancellationToken);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        bearer.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The value of <paramref name="metric"/> for <paramref name="strategy"/> in the exposition.</summary>
    internal static decimal Sample(string text, string metric, string strategy)
    {
        var line = text.Split('\n').Single(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains($"strategy=\"{strategy}\"", StringComparison.Ordinal));
        return decimal.Parse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
