namespace Bulkhead.Runtime.Metrics;

/// <summary>The supervisor's last reconciliation of the fill journal against the exchange (<c>[alerting] reconcile_every</c>).</summary>
/// <param name="Time">When the last run finished (successful or not).</param>
/// <param name="Differences">Differences per account, and the consolidated check under <c>consolidated</c>; null when the last run failed.</param>
/// <param name="Runs">Runs so far by outcome: <c>clean</c>, <c>differences</c>, <c>failed</c>.</param>
/// <param name="Error">Why the last run failed, or null.</param>
public sealed record ReconciliationFigures(DateTimeOffset Time, IReadOnlyDictionary<string, int>? Differences, IReadOnlyDictionary<string, long> Runs, string? Error);
