using System.Collections.Immutable;

namespace Bulkhead.Kraken.Limits;

/// <summary>The state of a <see cref="SlidingWindowBudget"/>: the costs booked within the last window, oldest first. Immutable; serializes with System.Text.Json.</summary>
/// <param name="Entries">Booked costs in time order; entries older than the window are dropped on the next update.</param>
public sealed record SlidingWindowState(ImmutableArray<WindowEntry> Entries)
{
    /// <summary>No costs booked.</summary>
    public static SlidingWindowState Empty { get; } = new(ImmutableArray<WindowEntry>.Empty);
}
