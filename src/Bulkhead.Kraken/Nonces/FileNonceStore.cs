using Bulkhead.Kraken.Nonces.Internal;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Kraken.Nonces;

/// <summary>
/// A key's reserved high-water mark in a directory, held exclusively. <see cref="Open(string, string, TimeProvider)"/>
/// takes an OS lock on <c>&lt;sha256(key)&gt;.lock</c> for the store's lifetime, so a second process (or a second store
/// in this process) on the same key fails at once with <see cref="NonceSequenceHeldException"/>. The lock dies with
/// the process, so a crash never leaves the key blocked; a stale <c>.holder</c> record does not block either.
/// Files are named after the SHA-256 of the API key; neither the key nor its secret is written anywhere.
/// Limitations: OS file locks are unreliable on some network file systems, and .NET skips them when
/// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> is set; keep the directory local. Thread-safe.
/// </summary>
public sealed class FileNonceStore : INonceStore
{
    private readonly Lock _gate = new();
    private readonly NonceFiles _files;
    private FileStream? _lock;
    private long _reserved;

    private FileNonceStore(NonceFiles files, FileStream lockStream, NonceSequenceHolder holder, long reserved)
    {
        _files = files;
        _lock = lockStream;
        Holder = holder;
        _reserved = reserved;
    }

    /// <inheritdoc />
    public NonceSequenceHolder Holder { get; }

    /// <summary>Opens and holds the store of a key.</summary>
    /// <inheritdoc cref="Open(string, string, TimeProvider)" />
    public static FileNonceStore Open(string directory, KrakenCredentials credentials, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return Open(directory, credentials.ApiKey, time);
    }

    /// <summary>Opens and holds the store of a key, creating the directory if needed.</summary>
    /// <param name="directory">Where the key's files live (for example <c>~/.bulkhead/nonces</c>).</param>
    /// <param name="apiKey">The public API key; only its hash and masked form are used.</param>
    /// <param name="time">The clock, for <see cref="NonceSequenceHolder.Since"/>.</param>
    /// <exception cref="NonceSequenceHeldException">Another process or store holds the key.</exception>
    /// <exception cref="NonceStoreCorruptedException">The persisted mark exists but is unreadable.</exception>
    public static FileNonceStore Open(string directory, string apiKey, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentNullException.ThrowIfNull(time);
        Directory.CreateDirectory(directory);
        var files = NonceFiles.For(directory, apiKey);
        var maskedKey = KrakenCredentials.Mask(apiKey);
        FileStream lockStream;
        try
        {
            lockStream = new FileStream(files.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (NonceFiles.IsLockConflict(ex))
        {
            throw new NonceSequenceHeldException(maskedKey, files.TryReadHolder());
        }

        try
        {
            // Read before recording ourselves, so a corrupt mark leaves no record naming a live process.
            var reserved = files.ReadReserved();
            var holder = NonceHolders.ForThisProcess(maskedKey, time);
            files.WriteHolder(holder);
            return new FileNonceStore(files, lockStream, holder, reserved);
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Who holds a key's sequence, for operators; <see langword="null"/> when nobody does. Reads the holder's record
    /// without touching the lock (probing it could make a starting holder fail). A record left by a crashed process on
    /// this host is recognised and ignored; one from another host is reported as is.
    /// </summary>
    /// <param name="directory">The store directory.</param>
    /// <param name="apiKey">The public API key.</param>
    public static NonceSequenceHolder? ReadHolder(string directory, string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var holder = NonceFiles.For(directory, apiKey).TryReadHolder();
        return holder is not null && NonceHolders.MayBeAlive(holder) ? holder : null;
    }

    /// <inheritdoc />
    public long ReadReserved()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_lock is null, this);
            return _reserved;
        }
    }

    /// <inheritdoc />
    /// <remarks>Writes a temp file, flushes it to disk and renames it over the mark.</remarks>
    public void WriteReserved(long value)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_lock is null, this);
            NonceHolders.ThrowIfBackwards(value, _reserved);
            _files.WriteReserved(value);
            _reserved = value;
        }
    }

    /// <summary>Removes the holder record and releases the key. The lock file stays: deleting it would race with a new holder.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_lock is null)
            {
                return;
            }

            _files.TryDeleteHolder();
            _lock.Dispose();
            _lock = null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"FileNonceStore({Holder.MaskedKey})";

    /// <summary>For tests: lets go of the OS lock as a killed process would, leaving the holder record behind.</summary>
    internal void SimulateCrash()
    {
        lock (_gate)
        {
            _lock?.Dispose();
            _lock = null;
        }
    }
}
