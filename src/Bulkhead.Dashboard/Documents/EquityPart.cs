namespace Bulkhead.Dashboard.Documents;

/// <summary><c>GET /api/equity?since=</c>: each strategy's equity points from the fill journal.</summary>
/// <param name="Strategies">The manifest's strategies in order (then any the journal has that the manifest no longer names).</param>
/// <param name="Error">Why the journal could not be read.</param>
public sealed record EquityPart(IReadOnlyList<StrategyEquity> Strategies, string? Error);
