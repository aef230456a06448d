using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Provisioning.Internal;

/// <summary>The deposits the manifest declares (<c>funding = { ZUSD = "100000" }</c> on the master and subaccounts).</summary>
internal static class FundingPlan
{
    /// <summary>Per account: the wallet (<c>spot</c>, or <c>futures</c> for a Futures subaccount) and asset → amount.</summary>
    public static IEnumerable<(string Account, string Wallet, IReadOnlyDictionary<string, decimal> Funding)> Of(FleetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (!manifest.Master.Funding.IsEmpty)
        {
            yield return (manifest.Master.Name, "spot", manifest.Master.Funding);
        }

        foreach (var sub in manifest.Subaccounts.Where(s => !s.Funding.IsEmpty))
        {
            yield return (sub.Name, sub.Venue == Venue.Futures ? "futures" : "spot", sub.Funding);
        }
    }
}
