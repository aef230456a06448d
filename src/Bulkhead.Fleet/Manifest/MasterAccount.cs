using System.Collections.Immutable;

namespace Bulkhead.Fleet.Manifest;

/// <summary>The <c>[master]</c> table: the one master account (it alone can withdraw and create subaccounts).</summary>
/// <param name="Name">The master account's name in this manifest.</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record MasterAccount(string Name, SourceLocation Location)
{
    /// <summary>Sandbox funding (<c>funding = { ZUSD = "100000" }</c>): asset → amount deposited once by provisioning; production ignores it.</summary>
    public ImmutableDictionary<string, decimal> Funding { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>
    /// Sandbox only (<c>volume_usd_30d = "5000000"</c>): the master's 30-day USD volume set by provisioning before the fleet
    /// trades, so the consolidated fee tier — which every strategy's fees come from — sits where a real desk's would;
    /// production ignores it (Kraken counts real volume).
    /// </summary>
    public decimal? VolumeUsd30d { get; init; }

    /// <summary>The master's IIBAN (<c>iiban = "AA12 N84G HKCE 3DSH"</c>), what Spot <c>AccountTransfer</c> takes; the treasury asks a sandbox's admin API when absent.</summary>
    public string? Iiban { get; init; }

    /// <summary>
    /// The master's Kraken verification tier (<c>tier = "starter" | "intermediate" | "pro"</c>, default intermediate): it sets
    /// the Spot rate budgets every process on the master and its subaccounts shares.
    /// </summary>
    public Kraken.Limits.SpotTier Tier { get; init; } = Kraken.Limits.SpotTier.Intermediate;
}
