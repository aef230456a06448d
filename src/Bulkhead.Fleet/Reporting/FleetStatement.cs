namespace Bulkhead.Fleet.Reporting;

/// <summary>Everything the exchange says about the fleet at one moment: the marks, each account's statement, the fee tier.</summary>
/// <param name="Environment">The manifest environment read.</param>
/// <param name="Marks">The marks everything is valued at.</param>
/// <param name="Accounts">The master first, then the subaccounts in manifest order.</param>
/// <param name="Fees">The master's fee tier (null when no pair is traded).</param>
public sealed record FleetStatement(string Environment, MarkPrices Marks, IReadOnlyList<AccountStatement> Accounts, FeeStatus? Fees);
