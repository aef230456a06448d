namespace Bulkhead.Fleet.Reporting;

/// <summary>One asset in an account snapshot, valued when a mark is known.</summary>
/// <param name="Asset">The asset code as the snapshot names it (Spot: <c>ZUSD</c>, <c>XXBT</c>; Futures: the wallet currency, upper case).</param>
/// <param name="Amount">How much (Futures: summed over the wallets).</param>
/// <param name="ValueUsd">Amount × its USD mark; null when it has none.</param>
public sealed record HeldAsset(string Asset, decimal Amount, decimal? ValueUsd);
