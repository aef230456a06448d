using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// A counter that rises by each cost and falls linearly at <see cref="DecayPerSecond"/> down to 0; a cost is granted
/// when the level plus the cost stays at or under <see cref="Maximum"/>. This is Kraken's Spot REST counter and Spot
/// trading counter. Pure: the level is computed from timestamps, never from a timer; the caller stores the state.
/// </summary>
public sealed class DecayingCounter : IRateModel<DecayingCounterState>
{
    /// <summary>Creates the model.</summary>
    /// <param name="maximum">The highest level allowed; positive.</param>
    /// <param name="decayPerSecond">How much the level falls per second; positive.</param>
    public DecayingCounter(decimal maximum, decimal decayPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximum);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(decayPerSecond);
        Maximum = maximum;
        DecayPerSecond = decayPerSecond;
    }

    /// <summary>The highest level allowed.</summary>
    public decimal Maximum { get; }

    /// <summary>How much the level falls per second.</summary>
    public decimal DecayPerSecond { get; }

    /// <summary>The level at <paramref name="now"/>. No state means 0. A state stamped later than <paramref name="now"/> (clock skew between processes) is taken as is.</summary>
    public decimal LevelAt(DecayingCounterState? state, DateTimeOffset now)
    {
        if (state is null)
        {
            return 0m;
        }

        var elapsed = now > state.At ? RateMath.Seconds(now - state.At) : 0m;
        var level = state.Level - (elapsed * DecayPerSecond);
        return level < 0m ? 0m : level;
    }

    /// <summary>
    /// Books <paramref name="cost"/> at <paramref name="now"/> if <c>level + cost ≤ Maximum</c>; otherwise books nothing
    /// and refuses with <c>RetryAfter = (level + cost − Maximum) / DecayPerSecond</c>, rounded up to the tick.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above <see cref="Maximum"/> (it could never be granted: a bug).</exception>
    public (DecayingCounterState State, RateDecision Decision) TryAcquire(DecayingCounterState? state, DateTimeOffset now, decimal cost)
    {
        RateMath.ValidateCost(cost, Maximum, "the counter");
        var at = state is null ? now : RateMath.Max(now, state.At);
        var level = LevelAt(state, at);
        var excess = level + cost - Maximum;
        if (excess <= 0m)
        {
            return (new DecayingCounterState(level + cost, at), RateDecision.Grant);
        }

        var retryAfter = (at - now) + RateMath.CeilingSeconds(excess / DecayPerSecond);
        return (state ?? new DecayingCounterState(0m, at), RateDecision.Deny(retryAfter));
    }

    decimal IRateModel<DecayingCounterState>.Limit => Maximum;

    decimal IRateModel<DecayingCounterState>.UsedAt(DecayingCounterState? state, DateTimeOffset now) => LevelAt(state, now);

    DecayingCounterState IRateModel<DecayingCounterState>.Initial(DateTimeOffset now) => new DecayingCounterState(0m, now);
}
