namespace Bulkhead.Dashboard.Documents;

/// <summary>One account's balances.</summary>
/// <param name="Account">The account.</param>
/// <param name="Venue"><c>spot</c> or <c>futures</c>.</param>
/// <param name="EquityUsd">Σ asset values (Futures: the flex wallet's portfolio value, which includes open P&amp;L); null when an asset has no mark.</param>
/// <param name="Assets">Each asset held.</param>
/// <param name="Time">When the snapshot was read from the exchange.</param>
/// <param name="Process">The process that wrote it.</param>
public sealed record AccountBalances(string Account, string Venue, decimal? EquityUsd, IReadOnlyList<AssetBalance> Assets, DateTimeOffset Time, string Process);
