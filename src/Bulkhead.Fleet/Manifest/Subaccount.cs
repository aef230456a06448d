using System.Collections.Immutable;

namespace Bulkhead.Fleet.Manifest;

/// <summary>One <c>[subaccounts.NAME]</c> table.</summary>
/// <param name="Name">The subaccount's name.</param>
/// <param name="Venue">Spot or Futures (a subaccount lives on one venue).</param>
/// <param name="Mandate">What the capital in it is for.</param>
/// <param name="SeparateCapital">The mandate requires its own capital and risk: one strategy only.</param>
/// <param name="Risk">Risk limits, if any (setting any also requires a subaccount of its own).</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record Subaccount(string Name, Venue Venue, string? Mandate, bool SeparateCapital, RiskLimits? Risk, SourceLocation Location)
{
    /// <summary>Sandbox funding (<c>funding = { ZUSD = "50000" }</c>): asset → amount deposited once by provisioning (spot wallet, or the futures wallet of a futures subaccount); production ignores it.</summary>
    public ImmutableDictionary<string, decimal> Funding { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>The account's IIBAN (<c>iiban = "AA12 N84G HKCE 3DSH"</c>), what Spot <c>AccountTransfer</c> takes; the treasury asks a sandbox's admin API when absent.</summary>
    public string? Iiban { get; init; }
}
