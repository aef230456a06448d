namespace Bulkhead.Fleet.Reporting;

/// <summary>One asset an account holds, valued in USD at the report's marks.</summary>
/// <param name="Asset">The asset (<c>ZUSD</c>, <c>XXBT</c>; Futures collateral in upper case, <c>USD</c>).</param>
/// <param name="Quantity">How much.</param>
/// <param name="UsdPerUnit">The mark used.</param>
/// <param name="ValueUsd">Quantity × mark.</param>
public sealed record BalanceLine(string Asset, decimal Quantity, decimal UsdPerUnit, decimal ValueUsd);
