using Bulkhead.Kraken.Nonces;

namespace Bulkhead.Benchmarks.Signing;

// Replaced by NonceSource once merged: Bulkhead.Kraken.Nonces.NonceSource (persistent high-water mark) is being
// written in parallel; switch the benchmarks to it so SignAndNonce measures the real nonce draw.
/// <summary>A stand-in <see cref="INonceSource"/>: one <see cref="Interlocked.Increment(ref long)"/> per nonce, nothing persisted.</summary>
internal sealed class CountingNonceSource(long start) : INonceSource
{
    private long _last = start;

    public NonceSequenceHolder Holder { get; } = new("benc…hmrk", Environment.ProcessId, "benchmark", DateTimeOffset.UnixEpoch);

    public long Next() => Interlocked.Increment(ref _last);
}
