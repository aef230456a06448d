namespace Bulkhead.Dashboard.Documents;

/// <summary>One treasury operation.</summary>
/// <param name="Id">Its id (<c>tr-…</c>).</param>
/// <param name="Request">What was asked.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="State"><c>open</c> or <c>done</c>.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Steps">Its steps in order.</param>
public sealed record TreasuryOperationView(string Id, TreasuryRequestView Request, DateTimeOffset CreatedAt, string State, DateTimeOffset? FinishedAt, IReadOnlyList<TreasuryStepView> Steps);
