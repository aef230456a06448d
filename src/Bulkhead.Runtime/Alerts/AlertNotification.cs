using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Runtime.Alerts;

/// <summary>One alert going out: a series of a rule's metric started firing, or resolved.</summary>
/// <param name="Id">The alert's id: the same for its firing and its resolution (receivers deduplicate on it with the status).</param>
/// <param name="Status">Firing or resolved.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Summary">The rule's summary, if any.</param>
/// <param name="Metric">The metric's Prometheus name.</param>
/// <param name="Labels">The series' labels (Prometheus names).</param>
/// <param name="Value">Its value at this evaluation (the last one seen, when the series is gone).</param>
/// <param name="Condition">The rule's condition, e.g. <c>&gt; 0.8</c>.</param>
/// <param name="For">The rule's duration.</param>
/// <param name="Since">Since when the condition held.</param>
/// <param name="Time">When this notification was decided.</param>
public sealed record AlertNotification(
    string Id,
    AlertStatus Status,
    string Rule,
    AlertSeverity Severity,
    string? Summary,
    string Metric,
    IReadOnlyDictionary<string, string> Labels,
    decimal? Value,
    string Condition,
    TimeSpan For,
    DateTimeOffset Since,
    DateTimeOffset Time)
{
    /// <summary>The series as Prometheus writes it: <c>metric{a="b"}</c>.</summary>
    public string Series => Labels.Count == 0 ? Metric : $"{Metric}{{{string.Join(",", Labels.Select(l => $"{l.Key}=\"{l.Value}\""))}}}";
}
