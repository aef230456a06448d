using System.Collections.Immutable;
using System.Globalization;

namespace Bulkhead.Fleet.Manifest;

/// <summary>
/// One <c>[[alerts]]</c> rule: it fires for each series of <see cref="Metric"/> (those whose labels match
/// <see cref="Where"/>) whose value stays on the wrong side of <see cref="Threshold"/> for <see cref="For"/>, and resolves
/// when it comes back.
/// </summary>
/// <param name="Name">The rule's name (unique), e.g. <c>key-halted</c>.</param>
/// <param name="Metric">The metric it watches, by its Prometheus name as /metrics shows it (<c>bulkhead_guard_halted</c>) or its OpenTelemetry name.</param>
/// <param name="Comparison">Above or below.</param>
/// <param name="Threshold">The threshold.</param>
/// <param name="For">How long the condition must hold before the alert fires (zero: at once).</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Summary">One line for the humans who get it (optional).</param>
/// <param name="Where">Labels a series must have (exact values) to be watched; empty: every series.</param>
/// <param name="Webhooks">The webhooks it goes to (names of <c>[alerting.webhooks.NAME]</c>); empty: all of them.</param>
/// <param name="Location">Where the rule was written.</param>
public sealed record AlertRule(
    string Name,
    string Metric,
    AlertComparison Comparison,
    decimal Threshold,
    TimeSpan For,
    AlertSeverity Severity,
    string? Summary,
    ImmutableSortedDictionary<string, string> Where,
    ImmutableArray<string> Webhooks,
    SourceLocation Location)
{
    /// <summary>The condition as people read it: <c>&gt; 0.8</c>.</summary>
    public string Condition => (Comparison == AlertComparison.Above ? "> " : "< ") + Threshold.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="value"/> is on the firing side of the threshold.</summary>
    public bool Breached(decimal value) => Comparison == AlertComparison.Above ? value > Threshold : value < Threshold;
}
