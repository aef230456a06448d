using System.Diagnostics;

namespace Bulkhead.Kraken.Nonces.Internal;

internal static class NonceHolders
{
    public static NonceSequenceHolder ForThisProcess(string maskedKey, TimeProvider time) =>
        new(maskedKey, Environment.ProcessId, Environment.MachineName, time.GetUtcNow());

    public static void ThrowIfBackwards(long value, long current)
    {
        if (value < current)
        {
            throw new InvalidOperationException(NonceMessages.Backwards(value, current));
        }
    }

    /// <summary>
    /// False only when the holder is on this host and its process is gone: a record left by a crash. A holder on another
    /// host is taken at its word (its process cannot be checked from here).
    /// </summary>
    public static bool MayBeAlive(NonceSequenceHolder holder)
    {
        if (!string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
