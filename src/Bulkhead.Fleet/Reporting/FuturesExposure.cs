namespace Bulkhead.Fleet.Reporting;

/// <summary>An open Futures position as the exchange lists it (<c>openpositions</c>).</summary>
/// <param name="Symbol">The contract.</param>
/// <param name="Size">Signed contracts (positive long).</param>
/// <param name="EntryPrice">The exchange's average entry price.</param>
public sealed record FuturesExposure(string Symbol, decimal Size, decimal EntryPrice);
