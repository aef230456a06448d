using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Metrics;

namespace Bulkhead.Runtime.Alerts;

/// <summary>
/// The rules' state machine, one per series of each rule's metric: a series whose value breaches the threshold becomes
/// pending; once it has stayed in breach for the rule's duration it fires (one notification); when it comes back (or
/// its series disappears) a firing alert resolves (one notification) and a pending one is forgotten. Only what a snapshot
/// shows counts: between two evaluations nothing is assumed. Not thread-safe: one evaluation at a time.
/// </summary>
public sealed class AlertEvaluator
{
    private readonly IReadOnlyList<AlertRule> _rules;
    private readonly Dictionary<(string Rule, string Series), SeriesState> _states = [];

    /// <summary>Evaluates <paramref name="rules"/>.</summary>
    public AlertEvaluator(IReadOnlyList<AlertRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    /// <summary>The rules.</summary>
    public IReadOnlyList<AlertRule> Rules => _rules;

    /// <summary>The alerts firing after the last evaluation, as their firing notifications.</summary>
    public IReadOnlyList<AlertNotification> Firing => [.. _states.Values.Where(s => s.Fired is not null).Select(s => s.Fired!)];

    /// <summary>The rules whose metric <paramref name="snapshot"/> does not have, each as a manifest problem (file:line:col: error: … — fix: …).</summary>
    public static ImmutableArray<ManifestProblem> UnknownMetrics(IReadOnlyList<AlertRule> rules, MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(snapshot);
        var known = string.Join(", ", snapshot.Families.Select(f => f.PrometheusName));
        return [.. rules.Where(r => snapshot.Find(r.Metric) is null)
            .Select(r => new ManifestProblem(r.Location, $"alert \"{r.Name}\" watches metric \"{r.Metric}\", which the supervisor does not have", $"use a metric /metrics shows: {known}"))];
    }

    /// <summary>Evaluates every rule against <paramref name="snapshot"/> at <paramref name="now"/>; returns what fired and what resolved.</summary>
    public IReadOnlyList<AlertNotification> Evaluate(MetricsSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var notifications = new List<AlertNotification>();
        var seen = new HashSet<(string, string)>();
        foreach (var rule in _rules)
        {
            if (snapshot.Find(rule.Metric) is not { } family)
            {
                continue;
            }

            foreach (var sample in family.Samples.Where(s => rule.Where.All(w => Label(s, w.Key) == w.Value)))
            {
                var labels = sample.Labels.ToDictionary(l => PrometheusNames.Label(l.Key), l => l.Value, StringComparer.Ordinal);
                var key = (rule.Name, string.Join(",", labels.Select(l => $"{l.Key}={l.Value}")));
                seen.Add(key);
                if (!rule.Breached(sample.Value))
                {
                    if (_states.Remove(key, out var ended) && ended.Fired is { } fired)
                    {
                        notifications.Add(fired with { Status = AlertStatus.Resolved, Value = sample.Value, Time = now });
                    }

                    continue;
                }

                if (!_states.TryGetValue(key, out var state))
                {
                    _states[key] = state = new SeriesState(now);
                }

                state.Value = sample.Value;
                if (state.Fired is null && now - state.Since >= rule.For)
                {
                    state.Fired = new AlertNotification(Id(rule.Name, key.Item2, state.Since), AlertStatus.Firing, rule.Name, rule.Severity, rule.Summary,
                        family.PrometheusName, labels, sample.Value, rule.Condition, rule.For, state.Since, now);
                    notifications.Add(state.Fired);
                }
                else if (state.Fired is not null)
                {
                    state.Fired = state.Fired with { Value = sample.Value };
                }
            }
        }

        foreach (var gone in _states.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _states.Remove(gone, out var ended);
            if (ended!.Fired is { } fired)
            {
                notifications.Add(fired with { Status = AlertStatus.Resolved, Time = now });
            }
        }

        return notifications;
    }

    private static string? Label(MetricSample sample, string name) =>
        sample.Labels.FirstOrDefault(l => l.Key == name || PrometheusNames.Label(l.Key) == name).Value;

    private static string Id(string rule, string series, DateTimeOffset since) =>
        "al-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{rule}|{series}|{since.UtcTicks}")))[..16].ToLowerInvariant();

    private sealed class SeriesState(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;

        public decimal Value { get; set; }

        public AlertNotification? Fired { get; set; }
    }
}
