namespace Bulkhead.Dashboard.Documents;

/// <summary>One asset an account holds.</summary>
/// <param name="Asset">Kraken's asset code (<c>ZUSD</c>, <c>XXBT</c>; Futures wallets' currencies upper case).</param>
/// <param name="Amount">How much.</param>
/// <param name="Usd">Its value in USD at the marks (null: no mark for it).</param>
public sealed record AssetBalance(string Asset, decimal Amount, decimal? Usd);
