namespace Bulkhead.Sandbox.Market;

/// <summary>The quotes the liquidity provider wants on one book, best first on each side; every bid is below every ask.</summary>
/// <param name="Bids">Buy levels, highest first.</param>
/// <param name="Asks">Sell levels, lowest first.</param>
public sealed record QuoteLadder(IReadOnlyList<MarketLevel> Bids, IReadOnlyList<MarketLevel> Asks);
