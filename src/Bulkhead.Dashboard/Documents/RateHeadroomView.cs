namespace Bulkhead.Dashboard.Documents;

/// <summary>An account's rate budgets as fractions left, 0 to 1 (1 = the whole budget left).</summary>
/// <param name="SpotRest">The Spot REST call counter (the fleet's budget: Kraken's maximum less the sessions' safety margin).</param>
/// <param name="Trading">The tightest trading counter: the Spot trading counter of the account's busiest pair, or the Futures derivatives budget.</param>
public sealed record RateHeadroomView(decimal SpotRest, decimal Trading);
