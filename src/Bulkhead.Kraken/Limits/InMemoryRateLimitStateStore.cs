using System.Collections.Concurrent;

namespace Bulkhead.Kraken.Limits;

/// <summary>
/// Keeps rate-limiter states in this process's memory, one lock per key. It serves one process only: processes with
/// different keys on the same account must share a store that outlives and spans them (the fleet adds SQLite and
/// PostgreSQL stores). Thread-safe.
/// </summary>
public sealed class InMemoryRateLimitStateStore : IRateLimitStateStore
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The key holds a state of another type (two limiters share a key: a bug).</exception>
    public TResult Update<TState, TResult>(string key, Func<TState?, (TState State, TResult Result)> transition)
        where TState : class
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(transition);
        var slot = _slots.GetOrAdd(key, static _ => new Slot());
        lock (slot.Gate)
        {
            var current = slot.State switch
            {
                null => null,
                TState state => state,
                var other => throw new InvalidOperationException(
                    $"Rate-limit state '{key}' holds a {other.GetType().Name}, not a {typeof(TState).Name}; two limiters share one key."),
            };
            var (next, result) = transition(current);
            ArgumentNullException.ThrowIfNull(next, nameof(transition));
            slot.State = next;
            return result;
        }
    }

    private sealed class Slot
    {
        public Lock Gate { get; } = new();

        public object? State { get; set; }
    }
}
