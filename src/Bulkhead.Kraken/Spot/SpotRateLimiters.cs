using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Spot;

/// <summary>The account limits a <see cref="SpotClient"/> waits on: the REST call counter and the per-pair trading counter.</summary>
public sealed class SpotRateLimiters
{
    private readonly Func<string, IRateLimiter> _tradingForPair;

    /// <summary>Binds the limiters of one account.</summary>
    public SpotRateLimiters(IRateLimiter rest, Func<string, IRateLimiter> tradingForPair)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(tradingForPair);
        Rest = rest;
        _tradingForPair = tradingForPair;
    }

    /// <summary>The Spot limiters of an account's <see cref="AccountRateLimits"/>.</summary>
    public static SpotRateLimiters From(AccountRateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new SpotRateLimiters(limits.SpotRest, limits.SpotTrading);
    }

    /// <summary>The account's REST call counter.</summary>
    public IRateLimiter Rest { get; }

    /// <summary>The account's trading counter for one pair.</summary>
    public IRateLimiter Trading(string pair) => _tradingForPair(pair);
}
