using Bulkhead.Kraken.Nonces;

namespace Bulkhead.Kraken.Tests.Nonces;

/// <summary>Wraps a store and counts writes; can be told to fail the next write.</summary>
internal sealed class CountingNonceStore(INonceStore inner) : INonceStore
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public long LastWritten { get; private set; }

    public bool FailNextWrite { get; set; }

    public NonceSequenceHolder Holder => inner.Holder;

    public long ReadReserved() => inner.ReadReserved();

    public void WriteReserved(long value)
    {
        if (FailNextWrite)
        {
            FailNextWrite = false;
            throw new IOException("disk full (simulated)");
        }

        inner.WriteReserved(value);
        LastWritten = value;
        Interlocked.Increment(ref _writes);
    }

    public void Dispose() => inner.Dispose();
}
