namespace Bulkhead.Dashboard.Documents;

/// <summary>
/// An account's shared rate budget as a fraction left, 0 to 1 (1 = the whole budget left). The Spot REST call counter is
/// each key's own, as Kraken counts it: it shows on the key (<see cref="KeyNode.RestHeadroom"/>).
/// </summary>
/// <param name="Trading">The tightest trading counter: the Spot trading counter of the account's busiest pair (shared by REST and WebSocket order entry of every key), or the Futures derivatives budget.</param>
public sealed record RateHeadroomView(decimal Trading);
