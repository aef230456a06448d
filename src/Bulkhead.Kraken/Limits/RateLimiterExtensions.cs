using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Limits;

/// <summary>Waiting for headroom instead of exceeding a limit.</summary>
public static class RateLimiterExtensions
{
    /// <summary>Waits until <paramref name="cost"/> fits, booking it; null when granted, a local rate-budget error when the wait would exceed <paramref name="maxWait"/>.</summary>
    public static async ValueTask<KrakenError?> WaitAsync(this IRateLimiter limiter, decimal cost, TimeProvider time, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(time);
        var deadline = time.GetUtcNow() + maxWait;
        while (true)
        {
            var decision = limiter.TryAcquire(cost);
            if (decision.Granted)
            {
                return null;
            }

            if (time.GetUtcNow() + decision.RetryAfter > deadline)
            {
                return KrakenErrors.RateBudget(limiter.Name, decision.RetryAfter);
            }

            await Task.Delay(decision.RetryAfter > TimeSpan.Zero ? decision.RetryAfter : TimeSpan.FromMilliseconds(1), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
