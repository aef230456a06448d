using Bulkhead.Kraken.Nonces;

namespace Bulkhead.Fleet.Coordination;

/// <summary>
/// Bulkhead.Kraken's <see cref="INonceStore"/> over a key's lease: the nonce high-water mark lives with the lease and
/// every read and write is fencing-checked, so a holder that lost its lease gets <see cref="LeaseLostException"/> before
/// it can hand out a nonce (the <see cref="NonceSource"/> persists before it hands out). Disposing does not release the
/// lease: its owner (a <see cref="LeaseKeeper"/>) does.
/// </summary>
public sealed class LeasedNonceStore : INonceStore
{
    private readonly ICoordinationStore _store;
    private readonly Lease _lease;

    /// <summary>Binds the store to a granted lease.</summary>
    /// <param name="store">The coordination store that granted <paramref name="lease"/>.</param>
    /// <param name="lease">The key's lease.</param>
    /// <param name="maskedKey">The API key, masked (for <see cref="Holder"/>).</param>
    public LeasedNonceStore(ICoordinationStore store, Lease lease, string maskedKey)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrEmpty(maskedKey);
        _store = store;
        _lease = lease;
        Holder = new NonceSequenceHolder(maskedKey, lease.Holder.Pid, lease.Holder.Host, lease.Holder.Since);
    }

    /// <inheritdoc />
    public NonceSequenceHolder Holder { get; }

    /// <inheritdoc />
    /// <exception cref="LeaseLostException">The lease was taken over or released.</exception>
    public long ReadReserved() => _store.ReadNonceMark(_lease);

    /// <inheritdoc />
    /// <exception cref="LeaseLostException">The lease was taken over or released.</exception>
    public void WriteReserved(long value) => _store.WriteNonceMark(_lease, value);

    /// <summary>Nothing to release here: the lease belongs to its keeper.</summary>
    public void Dispose()
    {
    }

    /// <inheritdoc />
    public override string ToString() => $"LeasedNonceStore({_lease.KeyName}, token {_lease.FencingToken})";
}
