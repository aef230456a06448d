namespace Bulkhead.Kraken.Spot.Models;

/// <summary>One page of a history endpoint (at most 50 items per page on Kraken).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page, in the order the exchange sent them (newest first).</param>
/// <param name="TotalCount">How many items match the query in total; pass an offset to page on.</param>
public sealed record SpotPage<T>(IReadOnlyList<T> Items, int TotalCount);
