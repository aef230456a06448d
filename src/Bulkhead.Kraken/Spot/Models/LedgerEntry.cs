namespace Bulkhead.Kraken.Spot.Models;

/// <summary>One ledger entry: a change to one asset's balance.</summary>
/// <param name="Id">The ledger id.</param>
/// <param name="ReferenceId">The trade, deposit, withdrawal or transfer that caused it.</param>
/// <param name="Time">When it was booked.</param>
/// <param name="Type">The entry type, e.g. <c>trade</c>, <c>deposit</c>, <c>transfer</c>.</param>
/// <param name="Subtype">The subtype; empty when none.</param>
/// <param name="Asset">The asset id.</param>
/// <param name="Amount">The signed amount.</param>
/// <param name="Fee">The fee.</param>
/// <param name="BalanceAfter">The asset's balance after the entry.</param>
public sealed record LedgerEntry(string Id, string ReferenceId, DateTimeOffset Time, string Type, string Subtype, string Asset, decimal Amount, decimal Fee, decimal BalanceAfter);
