using System.Collections.Immutable;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Alerts;
using Bulkhead.Runtime.Metrics;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Runtime.Tests.Alerts;

public sealed class AlertEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_FiresOnlyOnceTheBreachHeldForTheDuration_ThenResolvesOnce()
    {
        var evaluator = new AlertEvaluator([Rule("headroom", "bulkhead_rate_headroom_ratio", AlertComparison.Below, 0.1m, TimeSpan.FromMinutes(1))]);

        evaluator.Evaluate(Snapshot(0.05m), T0).ShouldBeEmpty("pending, not firing yet");
        evaluator.Evaluate(Snapshot(0.04m), T0.AddSeconds(59)).ShouldBeEmpty();
        var fired = evaluator.Evaluate(Snapshot(0.03m), T0.AddSeconds(60)).ShouldHaveSingleItem();
        evaluator.Evaluate(Snapshot(0.02m), T0.AddSeconds(65)).ShouldBeEmpty("firing is said once");
        evaluator.Firing.ShouldHaveSingleItem().Value.ShouldBe(0.02m);
        var resolved = evaluator.Evaluate(Snapshot(0.5m), T0.AddSeconds(70)).ShouldHaveSingleItem();

        (fired.Status, fired.Rule, fired.Metric, fired.Value, fired.Since, fired.Time, fired.Condition).ShouldBe(
            (AlertStatus.Firing, "headroom", "bulkhead_rate_headroom_ratio", 0.03m, T0, T0.AddSeconds(60), "< 0.1"));
        fired.Labels.ShouldBe(new Dictionary<string, string> { ["account"] = "mm", ["budget"] = "spot-rest" });
        fired.Series.ShouldBe("bulkhead_rate_headroom_ratio{account=\"mm\",budget=\"spot-rest\"}");
        (resolved.Status, resolved.Id, resolved.Value, resolved.Time).ShouldBe((AlertStatus.Resolved, fired.Id, 0.5m, T0.AddSeconds(70)));
        evaluator.Firing.ShouldBeEmpty();
    }

    [Fact]
    public void Evaluate_ABreachThatEndsBeforeTheDuration_NeverFires_AndTheNextOneStartsOver()
    {
        var evaluator = new AlertEvaluator([Rule("headroom", "bulkhead_rate_headroom_ratio", AlertComparison.Below, 0.1m, TimeSpan.FromSeconds(30))]);

        evaluator.Evaluate(Snapshot(0.05m), T0).ShouldBeEmpty();
        evaluator.Evaluate(Snapshot(0.5m), T0.AddSeconds(20)).ShouldBeEmpty();
        evaluator.Evaluate(Snapshot(0.05m), T0.AddSeconds(40)).ShouldBeEmpty();
        evaluator.Evaluate(Snapshot(0.05m), T0.AddSeconds(60)).ShouldBeEmpty("20 s into the second breach");
        evaluator.Evaluate(Snapshot(0.05m), T0.AddSeconds(70)).ShouldHaveSingleItem().Since.ShouldBe(T0.AddSeconds(40));
    }

    [Fact]
    public void Evaluate_EachSeriesFiresOnItsOwn_WhereFilters_AndAVanishedSeriesResolves()
    {
        var evaluator = new AlertEvaluator([Rule("halted", "bulkhead.guard.halted", AlertComparison.Above, 0m, TimeSpan.Zero, where: ("process", "mm-trader")),
            Rule("any-halted", "bulkhead_guard_halted", AlertComparison.Above, 0m, TimeSpan.Zero)]);
        var both = Family("bulkhead.guard.halted", "bulkhead_guard_halted", (1m, "mm-trader"), (1m, "momo-trader"));

        var fired = evaluator.Evaluate(new MetricsSnapshot(T0, [both]), T0);

        fired.Select(n => (n.Rule, n.Labels["process"])).ShouldBe([("halted", "mm-trader"), ("any-halted", "mm-trader"), ("any-halted", "momo-trader")]);
        var gone = evaluator.Evaluate(new MetricsSnapshot(T0, [Family("bulkhead.guard.halted", "bulkhead_guard_halted", (1m, "mm-trader"))]), T0.AddSeconds(5));
        gone.ShouldHaveSingleItem().ShouldSatisfyAllConditions(n => n.Status.ShouldBe(AlertStatus.Resolved), n => n.Labels["process"].ShouldBe("momo-trader"), n => n.Value.ShouldBe(1m));
    }

    [Fact]
    public void UnknownMetrics_EachRuleOnAMissingMetric_IsAManifestProblemWithItsLine()
    {
        var rule = Rule("typo", "bulkhead_guard_haltd", AlertComparison.Above, 0m, TimeSpan.Zero);

        var problem = AlertEvaluator.UnknownMetrics([rule], Snapshot(1m)).ShouldHaveSingleItem();

        problem.ToString().ShouldStartWith("fleet.toml:12:1: error: alert \"typo\" watches metric \"bulkhead_guard_haltd\", which the supervisor does not have — fix: use a metric /metrics shows: bulkhead_rate_headroom_ratio");
    }

    [Fact]
    public void Evaluate_AnySequence_FiresExactlyWhenABreachRunLastedTheDuration_AndNotificationsAlternate()
    {
        var steps = Gen.Select(Gen.Int[1, 30], Gen.Int[0, 3]).Array[1, 40];
        Gen.Select(steps, Gen.Int[0, 60]).Sample((sequence, forSeconds) =>
        {
            var rule = Rule("r", "bulkhead_rate_headroom_ratio", AlertComparison.Below, 1m, TimeSpan.FromSeconds(forSeconds));
            var evaluator = new AlertEvaluator([rule]);
            var now = T0;
            DateTimeOffset? runStart = null;
            var firing = false;
            foreach (var (advance, level) in sequence)
            {
                now = now.AddSeconds(advance);
                var value = level; // 0 breaches (< 1), 1..3 do not
                var notifications = evaluator.Evaluate(Snapshot(value), now);

                // The model: a run of breaching evaluations starts at its first one; it fires once it is `for` old.
                var expected = new List<AlertStatus>();
                if (value < 1)
                {
                    runStart ??= now;
                    if (!firing && now - runStart >= rule.For)
                    {
                        firing = true;
                        expected.Add(AlertStatus.Firing);
                    }
                }
                else
                {
                    if (firing)
                    {
                        expected.Add(AlertStatus.Resolved);
                    }

                    firing = false;
                    runStart = null;
                }

                notifications.Select(n => n.Status).ShouldBe(expected);
                evaluator.Firing.Count.ShouldBe(firing ? 1 : 0);
            }
        }, iter: 500);
    }

    internal static AlertRule Rule(string name, string metric, AlertComparison comparison, decimal threshold, TimeSpan duration, (string Label, string Value)? where = null) =>
        new(name, metric, comparison, threshold, duration, AlertSeverity.Warning, null,
            where is { } w ? ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(w.Label, w.Value)]) : ImmutableSortedDictionary<string, string>.Empty,
            [], new SourceLocation("fleet.toml", 12, 1));

    private static MetricsSnapshot Snapshot(decimal headroom) => new(T0, [new MetricFamily(
        "bulkhead.rate.headroom", "bulkhead_rate_headroom_ratio", MetricKind.Gauge, "1", "headroom",
        [new MetricSample([new("account", "mm"), new("budget", "spot-rest")], headroom)])]);

    private static MetricFamily Family(string name, string prometheus, params (decimal Value, string Process)[] samples) =>
        new(name, prometheus, MetricKind.Gauge, null, "halted", [.. samples.Select(s => new MetricSample([new("key", s.Process), new("process", s.Process)], s.Value))]);
}
