using Bulkhead.Kraken.Nonces;

namespace Bulkhead.Testing.Nonces;

/// <summary>A nonce source for tests: an in-memory counter, strictly increasing across threads. Not persistent.</summary>
public sealed class CountingNonceSource : INonceSource
{
    private long _last;

    /// <summary>Starts after <paramref name="start"/>: the first nonce is <paramref name="start"/> + 1.</summary>
    public CountingNonceSource(long start = 1_700_000_000_000)
    {
        _last = start;
    }

    /// <inheritdoc />
    public NonceSequenceHolder Holder { get; } = new("test", Environment.ProcessId, "localhost", DateTimeOffset.UnixEpoch);

    /// <summary>How many nonces were drawn so far.</summary>
    public long Last => Interlocked.Read(ref _last);

    /// <inheritdoc />
    public long Next() => Interlocked.Increment(ref _last);
}
