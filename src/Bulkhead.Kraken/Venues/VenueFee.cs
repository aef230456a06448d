namespace Bulkhead.Kraken.Venues;

/// <summary>A fee charged for a fill.</summary>
/// <param name="Amount">The fee; a rebate is negative.</param>
/// <param name="Currency">The currency it was charged in, as the venue writes it (Spot: the asset id, e.g. <c>ZUSD</c>; Futures: upper case, e.g. <c>USD</c>).</param>
public sealed record VenueFee(decimal Amount, string Currency);
