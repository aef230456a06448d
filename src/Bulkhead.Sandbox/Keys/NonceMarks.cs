using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox.Keys;

/// <summary>
/// The keys' nonce high-water marks, two per key: the <b>accepted</b> mark (the highest nonce the authentication pipeline
/// let through, raised in memory at once, so no nonce passes twice) and the <b>durable</b> mark (the highest the store
/// holds). A request commits once: every commit of the exchange carries the marks not yet durable
/// (<see cref="AddPending"/>, then <see cref="Written"/>), and a request that committed nothing (a read, a refused
/// order) makes its mark durable before its answer goes out (<see cref="MakeDurableAsync"/>): a group writer writes
/// every pending mark in one transaction, outside the exchange's lock, while the requests wait without holding a thread.
/// So after a crash no answered nonce is accepted again. Thread-safe: its own lock, never held while the store writes.
/// </summary>
internal sealed class NonceMarks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _durable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly List<Waiter> _waiting = [];
    private bool _writing;

    private long _groupWrites;

    /// <summary>How many writes the group writer has made (each one store transaction, possibly for many requests).</summary>
    public long GroupWrites => Interlocked.Read(ref _groupWrites);

    /// <summary>The highest nonce accepted for <paramref name="key"/> (0 for a fresh key).</summary>
    public long Accepted(string key)
    {
        lock (_gate)
        {
            return _accepted.GetValueOrDefault(key);
        }
    }

    /// <summary>The highest nonce of <paramref name="key"/> the store holds.</summary>
    public long Durable(string key)
    {
        lock (_gate)
        {
            return _durable.GetValueOrDefault(key);
        }
    }

    /// <summary>Raises <paramref name="key"/>'s accepted mark to <paramref name="nonce"/> (never lowers it); the store learns it with the next commit.</summary>
    public void Accept(string key, long nonce)
    {
        lock (_gate)
        {
            if (nonce <= _accepted.GetValueOrDefault(key))
            {
                return;
            }

            _accepted[key] = nonce;
            if (nonce > _durable.GetValueOrDefault(key))
            {
                _pending.Add(key);
            }
        }
    }

    /// <summary>Adds every accepted mark the store does not hold yet to <paramref name="nonces"/> (a change set's), keeping the higher of two.</summary>
    public void AddPending(Dictionary<string, long> nonces)
    {
        lock (_gate)
        {
            foreach (var key in _pending)
            {
                var mark = _accepted[key];
                if (mark > nonces.GetValueOrDefault(key))
                {
                    nonces[key] = mark;
                }
            }
        }
    }

    /// <summary>The store has written these marks: each key's durable (and accepted) mark rises to at least its value.</summary>
    public void Written(IReadOnlyDictionary<string, long> nonces)
    {
        if (nonces.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var (key, nonce) in nonces)
            {
                if (nonce > _durable.GetValueOrDefault(key))
                {
                    _durable[key] = nonce;
                }

                if (nonce > _accepted.GetValueOrDefault(key))
                {
                    _accepted[key] = nonce;
                }

                if (_durable.GetValueOrDefault(key) >= _accepted.GetValueOrDefault(key))
                {
                    _pending.Remove(key);
                }
            }
        }
    }

    /// <summary>
    /// Completes once the store holds <paramref name="key"/>'s mark at <paramref name="nonce"/> or above: at once when a
    /// commit already carried it; else the request waits (asynchronously, holding no thread) for the group writer, which
    /// writes every pending mark in one transaction, again and again while requests wait: one writer at a time, so the
    /// requests that arrive during a write share the next one. If the store throws, the marks of that write stay where
    /// they were and the waiting requests see the exception.
    /// </summary>
    public Task MakeDurableAsync(string key, long nonce, ISandboxStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_durable.GetValueOrDefault(key) >= nonce)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add(new Waiter(key, nonce, done));
            if (_writing)
            {
                return done.Task;
            }

            _writing = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static state => state.marks.WriteWhileWaiting(state.store), (marks: this, store), preferLocal: false);
        return done.Task;
    }

    // The group writer: one at a time (_writing), on a pool thread, until nobody waits.
    private void WriteWhileWaiting(ISandboxStore store)
    {
        while (true)
        {
            var changes = new SandboxChangeSet();
            List<Waiter> batch;
            lock (_gate)
            {
                _waiting.RemoveAll(w => _durable.GetValueOrDefault(w.Key) >= w.Nonce && w.Done.TrySetResult());
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = [.. _waiting];
                _waiting.Clear();
                foreach (var key in _pending)
                {
                    changes.Nonces[key] = _accepted[key];
                }

                foreach (var waiter in batch)
                {
                    changes.Nonces[waiter.Key] = Math.Max(changes.Nonces.GetValueOrDefault(waiter.Key), waiter.Nonce);
                }
            }

            try
            {
                store.Commit(changes);
            }
#pragma warning disable CA1031 // Handed to the waiting requests, each of which answers it at its request boundary.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                batch.ForEach(w => w.Done.TrySetException(exception));
                continue;
            }

            Written(changes.Nonces);
            Interlocked.Increment(ref _groupWrites);
            batch.ForEach(w => w.Done.TrySetResult());
        }
    }

    private sealed record Waiter(string Key, long Nonce, TaskCompletionSource Done);
}
