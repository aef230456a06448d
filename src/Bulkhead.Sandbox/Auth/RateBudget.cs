namespace Bulkhead.Sandbox.Auth;

/// <summary>Which rate counter (Bulkhead.Kraken's limit models) a request is charged to.</summary>
public enum RateBudget
{
    /// <summary>Not charged.</summary>
    None = 0,

    /// <summary>The key's Spot REST call counter (<see cref="Bulkhead.Kraken.Limits.AccountRateLimits.SpotRest"/>).</summary>
    SpotRest,

    /// <summary>The account's Futures <c>/derivatives</c> budget (<see cref="Bulkhead.Kraken.Limits.FuturesDerivativesLimiter"/>).</summary>
    FuturesDerivatives,

    /// <summary>The account's Futures <c>/history</c> tokens (<see cref="Bulkhead.Kraken.Limits.FuturesHistoryLimiter"/>).</summary>
    FuturesHistory,
}
