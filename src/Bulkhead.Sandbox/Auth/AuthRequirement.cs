using Bulkhead.Kraken.Spot;

namespace Bulkhead.Sandbox.Auth;

/// <summary>What an endpoint needs from the key and what it costs: the permission step and the rate step of the pipeline.</summary>
/// <param name="SpotPermission">The Spot permission needed (Spot endpoints; null: none).</param>
/// <param name="FuturesScope">The Futures access needed (Futures endpoints; null: none).</param>
/// <param name="MasterOnly">Only a master account's key may call it (Spot <c>CreateSubaccount</c>, <c>AccountTransfer</c>).</param>
/// <param name="Budget">The rate counter charged.</param>
/// <param name="Cost">What it adds to that counter.</param>
public readonly record struct AuthRequirement(SpotPermission? SpotPermission, FuturesScope? FuturesScope, bool MasterOnly, RateBudget Budget, decimal Cost)
{
    /// <summary>A Spot private method: permission from <see cref="SpotPermissions"/>, cost from <see cref="Bulkhead.Kraken.Limits.SpotCallCosts"/>.</summary>
    public static AuthRequirement ForSpotMethod(string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        SpotPermissions.TryGetRequired(method, out var permission);
        return new AuthRequirement(permission, null, SpotPermissions.IsMasterOnly(method), RateBudget.SpotRest, Bulkhead.Kraken.Limits.SpotCallCosts.For(method));
    }

    /// <summary>A Futures endpoint needing <paramref name="permission"/>, charged <paramref name="cost"/> to <paramref name="budget"/>.</summary>
    public static AuthRequirement ForFutures(FuturesScope permission, RateBudget budget, decimal cost) =>
        new(null, permission, false, budget, cost);
}
