namespace Bulkhead.Sandbox.Auth;

/// <summary>Which of the account's rate counters (Bulkhead.Kraken's limit models) a request is charged to.</summary>
public enum RateBudget
{
    /// <summary>Not charged.</summary>
    None = 0,

    /// <summary>The Spot REST call counter (<see cref="Bulkhead.Kraken.Limits.SpotRestLimiter"/>).</summary>
    SpotRest,

    /// <summary>The Futures <c>/derivatives</c> budget (<see cref="Bulkhead.Kraken.Limits.FuturesDerivativesLimiter"/>).</summary>
    FuturesDerivatives,

    /// <summary>The Futures <c>/history</c> tokens (<see cref="Bulkhead.Kraken.Limits.FuturesHistoryLimiter"/>).</summary>
    FuturesHistory,
}
