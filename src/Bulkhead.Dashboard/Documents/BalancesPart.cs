namespace Bulkhead.Dashboard.Documents;

/// <summary><c>GET /api/balances</c>: each account's latest balances snapshot (written by its trader or the dashboard monitor), valued at the marks.</summary>
/// <param name="Accounts">Master first, then subaccounts, as the manifest lists them (accounts without a snapshot yet are left out).</param>
/// <param name="Consolidated">Σ over the accounts.</param>
/// <param name="Error">Why the journal or the marks could not be read (null: all fine).</param>
public sealed record BalancesPart(IReadOnlyList<AccountBalances> Accounts, ConsolidatedBalances Consolidated, string? Error);
