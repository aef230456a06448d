namespace Bulkhead.Fleet.Reporting;

/// <summary>An account's latest balances snapshot from the fill journal, valued at the marks.</summary>
/// <param name="Account">The account.</param>
/// <param name="Time">When the writing process read it from the exchange.</param>
/// <param name="Process">The process that wrote it.</param>
/// <param name="Assets">Each asset with a non-zero amount, ordinal order.</param>
/// <param name="EquityUsd">
/// Spot: Σ asset values (null when an asset has no mark); Futures: the flex wallet's portfolio value from the margin
/// snapshot (collateral + open P&amp;L), else Σ asset values.
/// </param>
public sealed record AccountHoldings(string Account, DateTimeOffset Time, string Process, IReadOnlyList<HeldAsset> Assets, decimal? EquityUsd);
