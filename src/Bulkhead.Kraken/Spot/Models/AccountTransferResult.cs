namespace Bulkhead.Kraken.Spot.Models;

/// <summary>The outcome of a transfer between a master account and a subaccount.</summary>
/// <param name="TransferId">The transfer id.</param>
/// <param name="Status">The status as reported, e.g. <c>complete</c>.</param>
public sealed record AccountTransferResult(string TransferId, string Status);
