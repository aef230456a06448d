using System.Collections.Concurrent;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// Connections subscribed under a key (a symbol, a symbol and depth, an account): copy-on-write arrays, so publishing
/// iterates without a lock and a frame is serialized once for every subscriber. Thread-safe.
/// </summary>
internal sealed class SubscriberSet<TKey>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, SocketConnection[]> _sets = new();
    private readonly Lock _sync = new();

    /// <summary>The keys with at least one subscriber.</summary>
    public ICollection<TKey> Keys => _sets.Keys;

    /// <summary>The subscribers of <paramref name="key"/> (empty when none).</summary>
    public SocketConnection[] Of(TKey key) => _sets.TryGetValue(key, out var set) ? set : [];

    /// <summary>True when <paramref name="key"/> has subscribers.</summary>
    public bool Any(TKey key) => _sets.ContainsKey(key);

    /// <summary>Adds a subscriber; disposing the answer removes it.</summary>
    public IDisposable Add(TKey key, SocketConnection connection)
    {
        lock (_sync)
        {
            _sets[key] = [.. Of(key), connection];
        }

        return new Removal(this, key, connection);
    }

    /// <summary>Queues <paramref name="frame"/> to every subscriber of <paramref name="key"/>.</summary>
    public void Broadcast(TKey key, byte[] frame)
    {
        foreach (var connection in Of(key))
        {
            connection.Send(frame);
        }
    }

    private void Remove(TKey key, SocketConnection connection)
    {
        lock (_sync)
        {
            var remaining = Of(key).Where(c => !ReferenceEquals(c, connection)).ToArray();
            if (remaining.Length == 0)
            {
                _sets.TryRemove(key, out _);
            }
            else
            {
                _sets[key] = remaining;
            }
        }
    }

    private sealed class Removal(SubscriberSet<TKey> owner, TKey key, SocketConnection connection) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Remove(key, connection);
            }
        }
    }
}
