namespace Bulkhead.Runtime.Strategies;

/// <summary>A trend strategy kind's defaults for <see cref="TrendFollower"/>'s parameters.</summary>
/// <param name="Lookback">The signal's window (<c>lookback_seconds</c>).</param>
/// <param name="ThresholdBps">The least entry move (<c>threshold_bps</c>), before the fee rule raises it.</param>
/// <param name="TargetPosition">The position held in a trend (<c>target_position</c>).</param>
/// <param name="MinHold">The least time a position is held (<c>min_hold_seconds</c>).</param>
/// <param name="Cooldown">The least time between orders (<c>cooldown_seconds</c>).</param>
internal sealed record TrendDefaults(TimeSpan Lookback, decimal ThresholdBps, decimal TargetPosition, TimeSpan MinHold, TimeSpan Cooldown);
