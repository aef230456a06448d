namespace Bulkhead.Dashboard.Documents;

/// <summary><c>GET /api/margin</c>: each Futures subaccount's margin snapshot and its positions' distance to liquidation.</summary>
/// <param name="Accounts">Futures subaccounts with a margin snapshot.</param>
/// <param name="Error">Why the journal or the marks could not be read.</param>
public sealed record MarginPart(IReadOnlyList<AccountMargin> Accounts, string? Error);
