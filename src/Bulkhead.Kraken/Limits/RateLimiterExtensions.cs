using Bulkhead.Kraken.Errors;

namespace Bulkhead.Kraken.Limits;

/// <summary>Waiting for headroom instead of exceeding a limit.</summary>
public static class RateLimiterExtensions
{
    /// <summary>
    /// Acquires <paramref name="cost"/> from <paramref name="limiter"/>, waiting on <paramref name="time"/> for as long as
    /// the limiter says, and returns <see langword="null"/> once it is booked. When the wait needed would end after
    /// <paramref name="maxWait"/> (counted from the call), returns <see cref="KrakenErrors.RateBudget"/> at once instead of
    /// sleeping uselessly. Another process sharing the state may take the headroom first; the loop then waits again.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async ValueTask<KrakenError?> WaitAsync(this IRateLimiter limiter, decimal cost, TimeProvider time, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWait, TimeSpan.Zero);
        var started = time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var decision = limiter.TryAcquire(cost);
            if (decision.Granted)
            {
                return null;
            }

            // A refusal always names a positive wait; guard against a zero one so the loop never spins.
            var delay = decision.RetryAfter > TimeSpan.Zero ? decision.RetryAfter : TimeSpan.FromTicks(1);
            if (time.GetElapsedTime(started) + delay > maxWait)
            {
                return KrakenErrors.RateBudget(limiter.Name, delay);
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
