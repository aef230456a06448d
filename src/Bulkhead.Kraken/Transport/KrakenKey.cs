using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Kraken.Transport;

/// <summary>
/// Everything that belongs to one API key in one process: its credentials, its nonce sequence and its lockout guard.
/// One instance per key per process; the nonce source's holder says which process that is.
/// </summary>
public sealed class KrakenKey
{
    /// <summary>Binds a key's parts.</summary>
    public KrakenKey(KrakenCredentials credentials, INonceSource nonces, LockoutGuard guard)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(guard);
        Credentials = credentials;
        Nonces = nonces;
        Guard = guard;
    }

    /// <summary>The key and its secret.</summary>
    public KrakenCredentials Credentials { get; }

    /// <summary>The key's nonce sequence.</summary>
    public INonceSource Nonces { get; }

    /// <summary>The key's lockout guard.</summary>
    public LockoutGuard Guard { get; }

    /// <summary>
    /// A label for the key chosen by its owner (the fleet manifest's key name, e.g. <c>mm-trader</c>): it is what the call
    /// journal records instead of the key. Never the API key or its secret.
    /// </summary>
    /// <value>Null: the journal records no key name.</value>
    public string? Name { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name is null ? $"KrakenKey({Credentials.MaskedKey})" : $"KrakenKey({Name}, {Credentials.MaskedKey})";
}
