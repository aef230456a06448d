using Bulkhead.Kraken.Limits;

namespace Bulkhead.Fleet.Sessions;

/// <summary>What is left of an account's shared rate budgets (<see cref="AccountBudgets.Read"/>).</summary>
/// <param name="Account">The account.</param>
/// <param name="SpotRest">The Spot REST call counter.</param>
/// <param name="Trading">The tightest trading budget (Spot: the busiest pair's counter; Futures: the derivatives budget).</param>
public sealed record AccountHeadroom(string Account, RateHeadroom SpotRest, RateHeadroom Trading);
