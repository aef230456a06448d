namespace Bulkhead.Dashboard.Documents;

/// <summary>The fleet's balances summed over the accounts.</summary>
/// <param name="EquityUsd">Σ account equity (null when one is unknown).</param>
/// <param name="Assets">Σ per asset.</param>
public sealed record ConsolidatedBalances(decimal? EquityUsd, IReadOnlyList<AssetBalance> Assets);
