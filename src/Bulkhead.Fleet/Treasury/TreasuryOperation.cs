using System.Collections.Immutable;

namespace Bulkhead.Fleet.Treasury;

/// <summary>A journaled treasury operation: what was asked, and its ordered steps.</summary>
/// <param name="Id">The stable operation id (<c>tr-…</c>); a rerun continues it under the same id.</param>
/// <param name="Request">What the operator asked for.</param>
/// <param name="CreatedAt">When it was journaled.</param>
/// <param name="Steps">The plan, in order.</param>
public sealed record TreasuryOperation(string Id, TreasuryRequest Request, DateTimeOffset CreatedAt, ImmutableArray<TreasuryStep> Steps)
{
    /// <summary>Open until every step is done.</summary>
    public TreasuryOperationState State { get; init; } = TreasuryOperationState.Open;

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The first step not yet done, or null.</summary>
    public TreasuryStep? NextStep => Steps.FirstOrDefault(s => s.State != TreasuryStepState.Done);
}
