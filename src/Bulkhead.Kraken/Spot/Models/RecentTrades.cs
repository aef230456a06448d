namespace Bulkhead.Kraken.Spot.Models;

/// <summary>A page of the public trade tape.</summary>
/// <param name="Pair">The pair id.</param>
/// <param name="Trades">Trades, oldest first.</param>
/// <param name="Cursor">Pass as <c>since</c> to get the trades after these.</param>
public sealed record RecentTrades(string Pair, IReadOnlyList<PublicTrade> Trades, string Cursor);
