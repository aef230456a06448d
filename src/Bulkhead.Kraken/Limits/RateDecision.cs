namespace Bulkhead.Kraken.Limits;

/// <summary>A rate limiter's answer: granted (the cost is booked), or refused with how long until it would be granted.</summary>
public readonly record struct RateDecision(bool Granted, TimeSpan RetryAfter)
{
    /// <summary>Granted; the cost was booked.</summary>
    public static RateDecision Grant { get; } = new(true, TimeSpan.Zero);

    /// <summary>Refused; nothing was booked.</summary>
    public static RateDecision Deny(TimeSpan retryAfter) => new(false, retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter);
}
