namespace Bulkhead.Kraken.Limits;

/// <summary>One booked cost in a <see cref="SlidingWindowState"/>.</summary>
/// <param name="At">When the cost was booked.</param>
/// <param name="Cost">The cost.</param>
public readonly record struct WindowEntry(DateTimeOffset At, decimal Cost);
