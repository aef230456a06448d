namespace Bulkhead.Dashboard.Documents;

/// <summary><c>GET /api/treasury</c>: the treasury journal's operations, newest first.</summary>
/// <param name="Operations">The operations with their steps.</param>
/// <param name="Error">Why the journal could not be read.</param>
public sealed record TreasuryPart(IReadOnlyList<TreasuryOperationView> Operations, string? Error);
