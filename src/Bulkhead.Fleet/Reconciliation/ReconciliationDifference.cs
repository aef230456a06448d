namespace Bulkhead.Fleet.Reconciliation;

/// <summary>One difference between the fill journal and the exchange.</summary>
/// <param name="Account">The account (null for the consolidated check).</param>
/// <param name="Kind">What kind.</param>
/// <param name="FillId">The fill concerned (null for P&amp;L checks).</param>
/// <param name="Field">The field that differs (<c>quantity</c>, <c>price</c>, <c>fee</c>, <c>side</c>, <c>symbol</c>, <c>pnl</c>).</param>
/// <param name="Journal">The journal's value, invariant text (null when absent).</param>
/// <param name="Exchange">The exchange's value, invariant text (null when absent).</param>
/// <param name="Message">One line saying what differs.</param>
public sealed record ReconciliationDifference(string? Account, DifferenceKind Kind, string? FillId, string? Field, string? Journal, string? Exchange, string Message);
