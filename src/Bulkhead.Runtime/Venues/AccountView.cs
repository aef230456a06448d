namespace Bulkhead.Runtime.Venues;

/// <summary>The account's value and its snapshots (kind → JSON document) as read from the exchange.</summary>
/// <param name="EquityUsd">Balances (Spot) or the margin wallet's portfolio value (Futures), in USD.</param>
/// <param name="Snapshots">Kind (<c>balances</c>, <c>margin</c>) → JSON document.</param>
public sealed record AccountView(decimal EquityUsd, IReadOnlyDictionary<string, string> Snapshots);
