using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;
using Bulkhead.Kraken.Transport;

namespace Bulkhead.Cli.Commands;

/// <summary>A key opened for this process: its persistent nonce sequence (held exclusively) and its lockout guard.</summary>
internal sealed class KeyContext : IDisposable
{
    private readonly NonceSource? _nonces;

    private KeyContext(KrakenKey? key, NonceSource? nonces)
    {
        Key = key;
        _nonces = nonces;
    }

    public KrakenKey? Key { get; }

    public static KeyContext Empty() => new(null, null);

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

    public void Dispose() => _nonces?.Dispose();
}
