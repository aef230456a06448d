using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Futures.Rest;

/// <summary>The account limits a <see cref="FuturesRestClient"/> waits on: the derivatives cost budget and the history token bucket.</summary>
public sealed class FuturesRateLimiters
{
    /// <summary>Binds the limiters of one account.</summary>
    public FuturesRateLimiters(IRateLimiter derivatives, IRateLimiter history)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        ArgumentNullException.ThrowIfNull(history);
        Derivatives = derivatives;
        History = history;
    }

    /// <summary>The Futures limiters of an account's <see cref="AccountRateLimits"/>.</summary>
    public static FuturesRateLimiters From(AccountRateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new FuturesRateLimiters(limits.FuturesDerivatives, limits.FuturesHistory);
    }

    /// <summary>The 500-per-10-seconds derivatives budget.</summary>
    public IRateLimiter Derivatives { get; }

    /// <summary>The history token bucket.</summary>
    public IRateLimiter History { get; }
}
