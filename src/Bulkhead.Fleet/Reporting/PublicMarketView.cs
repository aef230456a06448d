using Bulkhead.Kraken.Spot;

namespace Bulkhead.Fleet.Reporting;

/// <summary>What <see cref="PublicMarket"/> read.</summary>
/// <param name="Marks">The marks.</param>
/// <param name="SpotFees">The Spot fee ladder the exchange lists for the fleet's first Spot pair (null: no Spot pair traded, or none listed).</param>
public sealed record PublicMarketView(MarkPrices Marks, FeeLadder? SpotFees);
