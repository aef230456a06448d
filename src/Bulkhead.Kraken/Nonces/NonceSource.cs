namespace Bulkhead.Kraken.Nonces;

/// <summary>
/// The nonce source of one key: <c>max(last + 1, clock)</c>, starting above the store's reserved high-water mark.
/// Before it hands out a nonce above the reservation it persists a new one (<c>nonce + ReserveAhead</c>), so after a
/// crash a restart begins above every nonce ever returned, even if the clock has stepped back meanwhile.
/// Thread-safe. The source owns its store: disposing the source disposes the store and releases the key.
/// </summary>
public sealed class NonceSource : INonceSource, IDisposable
{
    private readonly Lock _gate = new();
    private readonly INonceStore _store;
    private readonly TimeProvider _time;
    private readonly long _reserveUnits;
    private long _last;
    private long _reserved;
    private bool _disposed;

    /// <summary>Creates the source of one key over its store. Reads the store's mark now, so a bad store fails here.</summary>
    /// <param name="store">
    /// The key's store; owned by the source from now on. If this constructor throws, it disposes the store, so a
    /// mistake in the options does not leave the key held.
    /// </param>
    /// <param name="options">Unit and reservation; validated and copied.</param>
    /// <param name="time">The clock.</param>
    public NonceSource(INonceStore store, NonceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        try
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(time);
            options.Validate();
            Unit = options.Unit;
            _reserveUnits = Math.Max(1, options.ReserveAhead.Ticks / TicksPerUnit(Unit));
            _store = store;
            _time = time;
            _reserved = store.ReadReserved();
            ArgumentOutOfRangeException.ThrowIfNegative(_reserved, "store.ReadReserved()");
            _last = _reserved;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The unit of this source's nonces.</summary>
    public NonceUnit Unit { get; }

    /// <inheritdoc />
    public NonceSequenceHolder Holder => _store.Holder;

    /// <summary>A source whose mark lives in memory only: it does not survive a restart (see <see cref="InMemoryNonceStore"/>).</summary>
    /// <param name="apiKey">The public API key; only its masked form is kept.</param>
    /// <param name="options">Unit and reservation.</param>
    /// <param name="time">The clock.</param>
    public static NonceSource InMemory(string apiKey, NonceOptions options, TimeProvider time) =>
        new(new InMemoryNonceStore(apiKey, time), options, time);

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    /// <exception cref="IOException">The new reservation could not be persisted; no nonce was handed out.</exception>
    public long Next()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var next = Math.Max(checked(_last + 1), ClockInUnits());
            if (next > _reserved)
            {
                // Persist first: if this throws, the nonce was never handed out and the state is unchanged.
                var reserved = checked(next + _reserveUnits);
                _store.WriteReserved(reserved);
                _reserved = reserved;
            }

            _last = next;
            return next;
        }
    }

    /// <summary>Disposes the store, releasing the key. Further <see cref="Next"/> calls throw.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _store.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"NonceSource({Holder.MaskedKey}, {Unit})";

    private long ClockInUnits()
    {
        var sinceEpoch = _time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return Math.Max(0, sinceEpoch / TicksPerUnit(Unit));
    }

    private static long TicksPerUnit(NonceUnit unit) =>
        unit == NonceUnit.Milliseconds ? TimeSpan.TicksPerMillisecond : TimeSpan.TicksPerMicrosecond;
}
