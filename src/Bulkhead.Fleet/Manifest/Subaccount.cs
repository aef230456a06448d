namespace Bulkhead.Fleet.Manifest;

/// <summary>One <c>[subaccounts.NAME]</c> table.</summary>
/// <param name="Name">The subaccount's name.</param>
/// <param name="Venue">Spot or Futures (a subaccount lives on one venue).</param>
/// <param name="Mandate">What the capital in it is for.</param>
/// <param name="SeparateCapital">The mandate requires its own capital and risk: one strategy only.</param>
/// <param name="Risk">Risk limits, if any (setting any also requires a subaccount of its own).</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record Subaccount(string Name, Venue Venue, string? Mandate, bool SeparateCapital, RiskLimits? Risk, SourceLocation Location);
