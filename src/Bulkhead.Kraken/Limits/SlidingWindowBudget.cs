using System.Collections.Immutable;
using Bulkhead.Kraken.Limits.Internal;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// A cost budget over a sliding window: a cost booked at <c>t</c> counts until <c>t + Window</c>, and a cost is granted
/// when the costs booked in <c>(now − Window, now]</c> plus the new cost stay at or under <see cref="Budget"/>. This
/// models Kraken Futures' <c>/derivatives</c> budget (500 per 10 s).
/// </summary>
/// <remarks>
/// Kraken does not say whether its window is fixed, sliding or leaky (futures.md §3.4). This log is safe for all three:
/// at every grant the costs in the half-open window ending at the grant are within the budget, so the costs in
/// <em>any</em> window <c>[s, s + Window)</c> are too (take the last grant in it: every other grant there lies within
/// <c>Window</c> before it). Fixed windows are such windows; and a leaky bucket of the same capacity draining
/// <c>Budget</c> per <c>Window</c> admits any sequence whose every interval of length <c>L</c> holds at most
/// <c>Budget × (1 + L / Window)</c>, which ⌈L / Window⌉ windows of at most <see cref="Budget"/> each never exceed.
/// Pure: computed from timestamps, never from a timer; the caller stores the state.
/// </remarks>
public sealed class SlidingWindowBudget : IRateModel<SlidingWindowState>
{
    /// <summary>Creates the model.</summary>
    /// <param name="budget">The cost allowed per window; positive.</param>
    /// <param name="window">The window length; positive.</param>
    public SlidingWindowBudget(decimal budget, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Budget = budget;
        Window = window;
    }

    /// <summary>The cost allowed per window.</summary>
    public decimal Budget { get; }

    /// <summary>The window length.</summary>
    public TimeSpan Window { get; }

    /// <summary>The cost booked in <c>(now − Window, now]</c>.</summary>
    public decimal UsedAt(SlidingWindowState? state, DateTimeOffset now)
    {
        var used = 0m;
        if (state is null)
        {
            return used;
        }

        foreach (var entry in state.Entries)
        {
            if (entry.At > now - Window)
            {
                used += entry.Cost;
            }
        }

        return used;
    }

    /// <summary>
    /// Books <paramref name="cost"/> at <paramref name="now"/> if it fits; otherwise books nothing and refuses with the
    /// time until enough of the oldest entries leave the window. A zero cost is granted without an entry.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is negative or above <see cref="Budget"/> (it could never be granted: a bug).</exception>
    public (SlidingWindowState State, RateDecision Decision) TryAcquire(SlidingWindowState? state, DateTimeOffset now, decimal cost)
    {
        RateMath.ValidateCost(cost, Budget, "the window");
        var entries = state?.Entries ?? [];

        // Book no earlier than the newest entry (clock skew between processes): keeps entries ordered and errs late.
        var at = entries.IsDefaultOrEmpty ? now : RateMath.Max(now, entries[^1].At);
        var live = entries.IsDefault ? ImmutableArray<WindowEntry>.Empty : entries.RemoveAll(e => e.At <= at - Window);
        var used = 0m;
        foreach (var entry in live)
        {
            used += entry.Cost;
        }

        var excess = used + cost - Budget;
        if (excess <= 0m)
        {
            if (cost == 0m)
            {
                return (new SlidingWindowState(live), RateDecision.Grant);
            }

            var booked = !live.IsEmpty && live[^1].At == at
                ? live.SetItem(live.Length - 1, new WindowEntry(at, live[^1].Cost + cost))
                : live.Add(new WindowEntry(at, cost));
            return (new SlidingWindowState(booked), RateDecision.Grant);
        }

        var released = 0m;
        foreach (var entry in live)
        {
            released += entry.Cost;
            if (released >= excess)
            {
                return (new SlidingWindowState(live), RateDecision.Deny(entry.At + Window - now));
            }
        }

        // Unreachable: cost ≤ Budget, so releasing every live entry always suffices.
        throw new InvalidOperationException("Sliding window state is inconsistent.");
    }

    decimal IRateModel<SlidingWindowState>.Limit => Budget;

    decimal IRateModel<SlidingWindowState>.UsedAt(SlidingWindowState? state, DateTimeOffset now) => UsedAt(state, now);

    SlidingWindowState IRateModel<SlidingWindowState>.Initial(DateTimeOffset now) => SlidingWindowState.Empty;
}
