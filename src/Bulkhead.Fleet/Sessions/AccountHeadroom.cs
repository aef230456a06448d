using Bulkhead.Kraken.Limits;

namespace Bulkhead.Fleet.Sessions;

/// <summary>What is left of an account's rate budgets, as Kraken counts them (<see cref="AccountBudgets.Read"/>).</summary>
/// <param name="Account">The account.</param>
/// <param name="Trading">The account's tightest trading budget (Spot: the busiest pair's counter, shared by REST and WebSocket order entry of every key; Futures: the derivatives budget).</param>
/// <param name="SpotRest">Each Spot key's own REST call counter, by the manifest's key name.</param>
public sealed record AccountHeadroom(string Account, RateHeadroom Trading, IReadOnlyDictionary<string, RateHeadroom> SpotRest);
