using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Spot;

/// <summary>The limits a <see cref="SpotClient"/> waits on: its key's REST call counter and the account's per-pair trading counter.</summary>
public sealed class SpotRateLimiters
{
    private readonly Func<string, IRateLimiter> _tradingForPair;

    /// <summary>Binds the limiters of one key of an account.</summary>
    public SpotRateLimiters(IRateLimiter rest, Func<string, IRateLimiter> tradingForPair)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(tradingForPair);
        Rest = rest;
        _tradingForPair = tradingForPair;
    }

    /// <summary>The Spot limiters of the key <paramref name="keyId"/> of an account's <see cref="AccountRateLimits"/>.</summary>
    public static SpotRateLimiters From(AccountRateLimits limits, string keyId)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new SpotRateLimiters(limits.SpotRest(keyId), limits.SpotTrading);
    }

    /// <summary>The key's REST call counter.</summary>
    public IRateLimiter Rest { get; }

    /// <summary>The account's trading counter for one pair.</summary>
    public IRateLimiter Trading(string pair) => _tradingForPair(pair);
}
