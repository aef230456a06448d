using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// A key opened for this process: its persistent nonce sequence (held exclusively), its lockout guard and, on the fleet
/// path, the lease that keeps it and the account's shared rate limiters. Disposing releases everything it owns, last first.
/// </summary>
internal sealed class KeyContext : IDisposable
{
    private readonly IDisposable[] _owned;

    internal KeyContext(KrakenKey? key, params IDisposable[] owned)
    {
        Key = key;
        _owned = owned;
    }

    public KrakenKey? Key { get; }

    /// <summary>The account's Spot limiters; null outside a fleet (the exchange still enforces its limits).</summary>
    public SpotRateLimiters? SpotLimiters { get; init; }

    /// <summary>The account's Futures limiters; null outside a fleet.</summary>
    public FuturesRateLimiters? FuturesLimiters { get; init; }

    /// <summary>Cancelled when the key's fleet lease is lost; none outside a fleet.</summary>
    public CancellationToken LeaseLost { get; init; }

    public static KeyContext Empty() => new(null);

    public static bool TryOpen(KrakenCredentials credentials, string dataFolder, TimeProvider time, out KeyContext? context, out string? problem)
    {
        context = null;
        var folder = Path.Combine(dataFolder, "nonces");
        try
        {
            Directory.CreateDirectory(folder);
            var store = FileNonceStore.Open(folder, credentials, time);
            var nonces = new NonceSource(store, new NonceOptions(), time);
            var guard = new LockoutGuard(credentials.MaskedKey, new LockoutGuardOptions(), time);
            context = new KeyContext(new KrakenKey(credentials, nonces, guard), nonces);
            problem = null;
            return true;
        }
        catch (NonceSequenceHeldException ex)
        {
            problem = ex.Message;
            return false;
        }
        catch (NonceStoreCorruptedException ex)
        {
            problem = ex.Message;
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            problem = $"cannot write the nonce folder {folder}; pass --data with a writable folder";
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
