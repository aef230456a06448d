using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox.Keys;

/// <summary>
/// The keys' nonce high-water marks, two per key: the <b>accepted</b> mark (the highest nonce the authentication pipeline
/// let through, raised in memory at once, so no nonce passes twice) and the <b>durable</b> mark (the highest the store
/// holds). A request commits once: every commit of the exchange carries the marks not yet durable
/// (<see cref="AddPending"/>, then <see cref="Written"/>), and a request that committed nothing (a read, a refused
/// order) makes its mark durable before its answer goes out (<see cref="MakeDurable"/>), in one store transaction with
/// every other pending mark, written outside the exchange's lock. So after a crash no answered nonce is accepted again.
/// Thread-safe: its own lock, never held while the store writes.
/// </summary>
internal sealed class NonceMarks
{
    private readonly Lock _gate = new();
    private readonly Lock _writer = new();
    private readonly Dictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _durable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);

    private long _groupWrites;

    /// <summary>How many writes <see cref="MakeDurable"/> has made (each one store transaction, possibly for many requests).</summary>
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
    /// Returns once the store holds <paramref name="key"/>'s mark at <paramref name="nonce"/> or above: at once when a
    /// commit already carried it, else after writing it in one transaction together with every other pending mark (one
    /// writer at a time; requests waiting here are usually carried by the write in progress). If the store throws, no
    /// mark is raised and the exception propagates.
    /// </summary>
    public void MakeDurable(string key, long nonce, ISandboxStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (Durable(key) >= nonce)
        {
            return;
        }

        lock (_writer)
        {
            var changes = new SandboxChangeSet();
            lock (_gate)
            {
                if (_durable.GetValueOrDefault(key) >= nonce)
                {
                    return;
                }

                changes.Nonces[key] = nonce;
            }

            AddPending(changes.Nonces);
            store.Commit(changes);
            Written(changes.Nonces);
            Interlocked.Increment(ref _groupWrites);
        }
    }
}
