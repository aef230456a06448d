using System.Globalization;

namespace Bulkhead.Fleet.Coordination;

/// <summary>
/// Thrown when a holder acts on a lease it no longer holds: another process took it over (a newer fencing token) or it
/// was released. The stale holder must stop signing with the key at once.
/// </summary>
public sealed class LeaseLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="lease">The lease that was lost.</param>
    /// <param name="currentToken">The key's current fencing token.</param>
    public LeaseLostException(Lease lease, long currentToken)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"the lease on key {lease?.KeyName} (fencing token {lease?.FencingToken}) is lost: the key's current token is {currentToken}; stop using the key"))
    {
        ArgumentNullException.ThrowIfNull(lease);
        Lease = lease;
        CurrentToken = currentToken;
    }

    /// <summary>The lost lease.</summary>
    public Lease Lease { get; }

    /// <summary>The key's current fencing token.</summary>
    public long CurrentToken { get; }
}
