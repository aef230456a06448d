namespace Bulkhead.Dashboard.Documents;

/// <summary>A treasury request as typed.</summary>
/// <param name="Kind"><c>transfer</c>, <c>sweep</c> or <c>withdraw</c>.</param>
/// <param name="Environment">The environment.</param>
/// <param name="From">Source account.</param>
/// <param name="To">Destination account (or withdrawal key name).</param>
/// <param name="Asset">The asset (null: every asset, sweeps).</param>
/// <param name="Amount">The amount (null: sweeps).</param>
/// <param name="Keep">What a sweep leaves behind.</param>
public sealed record TreasuryRequestView(string Kind, string Environment, string From, string To, string? Asset, decimal? Amount, decimal? Keep);
