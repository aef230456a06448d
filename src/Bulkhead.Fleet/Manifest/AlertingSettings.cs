using System.Collections.Immutable;

namespace Bulkhead.Fleet.Manifest;

/// <summary>The <c>[alerting]</c> table: how often the supervisor evaluates the <c>[[alerts]]</c> rules and where they go.</summary>
/// <param name="EvaluateEvery">How often the rules are evaluated (default 5 s).</param>
/// <param name="DeadLetter">The dead-letter file, relative to the manifest's folder (default <c>alerts-dead-letter.jsonl</c>): every alert a webhook did not take after all its retries, one JSON line each.</param>
/// <param name="Webhooks">The webhooks.</param>
public sealed record AlertingSettings(TimeSpan EvaluateEvery, string DeadLetter, ImmutableArray<AlertWebhook> Webhooks)
{
    /// <summary>The defaults, for a manifest without <c>[alerting]</c>.</summary>
    public static AlertingSettings Default { get; } = new(TimeSpan.FromSeconds(5), "alerts-dead-letter.jsonl", []);

    /// <summary>
    /// How often the supervisor reconciles the fill journal against the exchange with the reconciler keys (the source of
    /// <c>bulkhead_reconciliation_differences</c>); null (the default): never. The first run is one interval after start.
    /// </summary>
    public TimeSpan? ReconcileEvery { get; init; }
}
