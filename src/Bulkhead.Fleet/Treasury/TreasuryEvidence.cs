namespace Bulkhead.Fleet.Treasury;

/// <summary>An entry of the master's ledger (or Futures account log) that may be a step's movement.</summary>
/// <param name="LedgerId">The entry's id.</param>
/// <param name="RefId">The movement's reference id.</param>
/// <param name="Time">When it was booked (exchange clock).</param>
/// <param name="Asset">The Spot asset id.</param>
/// <param name="Amount">The signed change to the master's balance.</param>
public sealed record TreasuryEvidence(string LedgerId, string RefId, DateTimeOffset Time, string Asset, decimal Amount);
