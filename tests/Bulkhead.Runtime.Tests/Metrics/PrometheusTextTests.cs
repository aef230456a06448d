using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Bulkhead.Runtime.Metrics;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Metrics;

public sealed partial class PrometheusTextTests
{
    [Theory]
    [InlineData("bulkhead.strategy.pnl", "USD", MetricKind.Gauge, "bulkhead_strategy_pnl_usd")]
    [InlineData("bulkhead.strategy.fees", "USD", MetricKind.Counter, "bulkhead_strategy_fees_usd_total")]
    [InlineData("bulkhead.kraken.calls", "{call}", MetricKind.Counter, "bulkhead_kraken_calls_total")]
    [InlineData("bulkhead.process.heartbeat.age", "s", MetricKind.Gauge, "bulkhead_process_heartbeat_age_seconds")]
    [InlineData("bulkhead.rate.headroom", "1", MetricKind.Gauge, "bulkhead_rate_headroom_ratio")]
    [InlineData("bulkhead.kill_switch.pulled", null, MetricKind.Gauge, "bulkhead_kill_switch_pulled")]
    [InlineData("requests.total", null, MetricKind.Counter, "requests_total")]
    [InlineData("9lives-cat", null, MetricKind.Gauge, "_9lives_cat")]
    public void Metric_FollowsOpenTelemetrysPrometheusMapping(string name, string? unit, MetricKind kind, string expected) =>
        PrometheusNames.Metric(name, unit, kind).ShouldBe(expected);

    [Fact]
    public void Label_DotsBecomeUnderscores() => PrometheusNames.Label("error.type").ShouldBe("error_type");

    [Fact]
    public void Write_HelpTypeAndSamples_LabelsSortedAndEscaped_DecimalsExact()
    {
        using var meter = new Meter("test.write");
        using var collector = new MetricsCollector(meter, new FakeTimeProvider());
        meter.CreateObservableGauge("bulkhead.strategy.pnl", () => new Measurement<decimal>(-1.2300m, new("strategy", "mm"), new("account", "a\"b\\c\nd")), "USD", "P&L\nin USD");
        meter.CreateObservableCounter("bulkhead.kraken.calls", () => new Measurement<long>(42, new KeyValuePair<string, object?>("process", "mm-trader")), "{call}", "Signed calls");
        meter.CreateObservableGauge("bulkhead.empty", () => Array.Empty<Measurement<int>>(), description: "Nothing yet");

        var text = PrometheusText.Write(collector.Collect());

        text.ShouldBe(
            "# HELP bulkhead_strategy_pnl_usd P&L\\nin USD\n" +
            "# TYPE bulkhead_strategy_pnl_usd gauge\n" +
            "bulkhead_strategy_pnl_usd{account=\"a\\\"b\\\\c\\nd\",strategy=\"mm\"} -1.2300\n" +
            "# HELP bulkhead_kraken_calls_total Signed calls\n" +
            "# TYPE bulkhead_kraken_calls_total counter\n" +
            "bulkhead_kraken_calls_total{process=\"mm-trader\"} 42\n" +
            "# HELP bulkhead_empty Nothing yet\n" +
            "# TYPE bulkhead_empty gauge\n");
    }

    [Fact]
    public void Collect_OnlyThisMetersInstruments_CountersSummed()
    {
        using var mine = new Meter("test.mine");
        using var other = new Meter("test.mine");
        using var collector = new MetricsCollector(mine, new FakeTimeProvider());
        var counter = mine.CreateCounter<long>("bulkhead.alerts.sent", "{alert}", "Alerts sent");
        other.CreateObservableGauge("bulkhead.other", () => 1);
        counter.Add(2, new KeyValuePair<string, object?>("webhook", "desk"));
        counter.Add(3, new KeyValuePair<string, object?>("webhook", "desk"));
        counter.Add(1, new KeyValuePair<string, object?>("webhook", "pager"));

        var snapshot = collector.Collect();

        snapshot.Families.Select(f => f.PrometheusName).ShouldBe(["bulkhead_alerts_sent_total"], "another meter of the same name is not read");
        snapshot.Find("bulkhead.alerts.sent")!.Samples.Select(s => (s.Label("webhook"), s.Value)).ShouldBe([("desk", 5m), ("pager", 1m)]);
    }

    [Fact]
    public void Write_AnyLabelValue_IsOneValidLineThatReadsBackToTheValue()
    {
        Gen.String.Sample(value =>
        {
            using var meter = new Meter("test.property");
            using var collector = new MetricsCollector(meter, new FakeTimeProvider());
            meter.CreateObservableGauge("bulkhead.any", () => new Measurement<int>(1, new KeyValuePair<string, object?>("label", value)), description: "any");

            var sample = PrometheusText.Write(collector.Collect()).Split('\n')[2];

            var match = SampleLine().Match(sample);
            match.Success.ShouldBeTrue(sample);
            Unescape(match.Groups["value"].Value).ShouldBe(value);
        }, iter: 2000);
    }

    private static string Unescape(string escaped) => EscapeSequence().Replace(escaped, m => m.Value[1] switch
    {
        'n' => "\n",
        var c => c.ToString(),
    });

    [GeneratedRegex("""^bulkhead_any\{label="(?<value>(?:[^"\\\n]|\\[\\"n])*)"\} 1$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""\\[\\"n]""")]
    private static partial Regex EscapeSequence();
}
