using Bulkhead.Kraken.Nonces;

namespace Bulkhead.Testing.FakeKraken;

/// <summary>A Futures test nonce source: an in-memory counter, strictly increasing, not persisted. <see cref="Repeat"/> makes it hand out the same nonce again.</summary>
public sealed class FuturesTestNonceSource : INonceSource
{
    private long _last;

    /// <summary>Starts after <paramref name="start"/>.</summary>
    public FuturesTestNonceSource(long start = 1_000_000, string maskedKey = "test…key")
    {
        _last = start;
        Holder = new NonceSequenceHolder(maskedKey, Environment.ProcessId, "test", DateTimeOffset.UnixEpoch);
    }

    /// <summary>When true, <see cref="Next"/> returns the last nonce again (to provoke <c>nonceBelowThreshold</c>).</summary>
    public bool Repeat { get; set; }

    /// <inheritdoc />
    public NonceSequenceHolder Holder { get; }

    /// <inheritdoc />
    public long Next() => Repeat ? Interlocked.Read(ref _last) : Interlocked.Increment(ref _last);
}
