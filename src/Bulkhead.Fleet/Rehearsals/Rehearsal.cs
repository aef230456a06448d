using System.Collections.Immutable;

namespace Bulkhead.Fleet.Rehearsals;

/// <summary>
/// One recorded run of the fleet on a sandbox environment, judged when it stopped: which processes ran, whether
/// reconciliation was clean, how many nonce errors and lockouts it met. Clean when nothing is in <see cref="Problems"/>.
/// </summary>
/// <param name="Id">The record's id.</param>
/// <param name="Revision">The manifest's <see cref="ManifestRevision"/> during the run.</param>
/// <param name="Environment">The sandbox environment it ran on.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="EndedAt">When it stopped (and was judged).</param>
/// <param name="Ran">The supervised processes that ran (sent heartbeats).</param>
/// <param name="Differences">Reconciliation's differences at the end; null when it could not be read.</param>
/// <param name="NonceErrors">Nonce errors in the call journal during the run.</param>
/// <param name="Lockouts">Lockouts during the run: exchange lockout answers in the call journal plus keys halted by the guard.</param>
/// <param name="Problems">Why the run is not clean, one sentence each; empty when clean.</param>
public sealed record Rehearsal(
    string Id,
    string Revision,
    string Environment,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    ImmutableArray<string> Ran,
    int? Differences,
    long NonceErrors,
    long Lockouts,
    ImmutableArray<string> Problems)
{
    /// <summary>True when every process ran, reconciliation was clean, and no nonce error or lockout happened.</summary>
    public bool Clean => Problems.IsDefaultOrEmpty;
}
