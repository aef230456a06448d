using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// A token bucket of <see cref="Capacity"/> tokens refilling continuously at <see cref="RefillAmount"/> per
/// <see cref="RefillPeriod"/>; a cost is granted when that many tokens are there. This models Kraken Futures'
/// <c>/history</c> pool (100 tokens, 100 per 10 minutes). Pure: computed from timestamps, never from a timer.
/// </summary>
public sealed class TokenBucket : IRateModel<TokenBucketState>
{
    private readonly long _capacityTicks;

    /// <summary>Creates the model.</summary>
    /// <param name="capacity">Tokens when full; positive.</param>
    /// <param name="refillAmount">Tokens restored per <paramref name="refillPeriod"/>; positive.</param>
    /// <param name="refillPeriod">The refill period; positive.</param>
    public TokenBucket(decimal capacity, decimal refillAmount, TimeSpan refillPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillAmount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillPeriod, TimeSpan.Zero);
        Capacity = capacity;
        RefillAmount = refillAmount;
        RefillPeriod = refillPeriod;
        _capacityTicks = (long)decimal.Floor(capacity * refillPeriod.Ticks / refillAmount);
    }

    /// <summary>Tokens when full.</summary>
    public decimal Capacity { get; }

    /// <summary>Tokens restored per <see cref="RefillPeriod"/>.</summary>
    public decimal RefillAmount { get; }

    /// <summary>The refill period.</summary>
    public TimeSpan RefillPeriod { get; }

    /// <summary>Tokens available at <paramref name="now"/>.</summary>
    public decimal TokensAt(TokenBucketState? state, DateTimeOffset now) => Capacity - SpentAt(state, now);

    /// <summary>Tokens missing from a full bucket at <paramref name="now"/>.</summary>
    public decimal SpentAt(TokenBucketState? state, DateTimeOffset now)
    {
        var debt = Debt(state, now);
        var spent = debt.Ticks * RefillAmount / RefillPeriod.Ticks;
        return spent > Capacity ? Capacity : spent;
    }

    /// <summary>
    /// Takes <paramref name="cost"/> tokens at <paramref name="now"/> if they are there; otherwise takes nothing and
    /// refuses with the time until they are: <c>(cost − tokens) × RefillPeriod / RefillAmount</c>, rounded up to the tick.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above <see cref="Capacity"/> (it could never be granted: a bug).</exception>
    public (TokenBucketState State, RateDecision Decision) TryAcquire(TokenBucketState? state, DateTimeOffset now, decimal cost)
    {
        RateMath.ValidateCost(cost, Capacity, "the bucket");
        var debt = Debt(state, now);
        var costTicks = Math.Min((long)decimal.Ceiling(cost * RefillPeriod.Ticks / RefillAmount), _capacityTicks);
        var over = debt.Ticks + costTicks - _capacityTicks;
        if (over <= 0)
        {
            return (new TokenBucketState(now + debt + TimeSpan.FromTicks(costTicks)), RateDecision.Grant);
        }

        return (state ?? new TokenBucketState(now), RateDecision.Deny(TimeSpan.FromTicks(over)));
    }

    private static TimeSpan Debt(TokenBucketState? state, DateTimeOffset now) =>
        state is null || state.FullAt <= now ? TimeSpan.Zero : state.FullAt - now;

    decimal IRateModel<TokenBucketState>.Limit => Capacity;

    decimal IRateModel<TokenBucketState>.UsedAt(TokenBucketState? state, DateTimeOffset now) => SpentAt(state, now);

    TokenBucketState IRateModel<TokenBucketState>.Initial(DateTimeOffset now) => new TokenBucketState(now);
}
