using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Guards;

namespace Bulkhead.Runtime.Worker;

/// <summary>Which exchange errors stop a worker, and how (Contract W).</summary>
internal static class Halts
{
    /// <summary>
    /// Throws the halt an error calls for: a lockout (the exchange's, or the guard refusing locally) or an authentication
    /// failure once the guard has tripped → exit 4 (<c>auth: …</c>); a key that cannot sign or lacks a permission → exit 2.
    /// Anything else returns (the caller retries or reports).
    /// </summary>
    public static void ThrowIfHalting(KrakenError error, LockoutGuard? guard)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Category == KrakenErrorCategory.Lockout || (error.Category == KrakenErrorCategory.Authentication && guard?.State.Halted == true))
        {
            var failures = guard?.State.RecentFailures ?? 0;
            throw new WorkerHaltException(WorkerExitCodes.HaltedAuth, $"auth: {error.Code} (the lockout guard halted the key after {failures} authentication failures; fix the key and restart the process)");
        }

        if (error.Category == KrakenErrorCategory.Authentication && error.Origin == KrakenErrorOrigin.Local)
        {
            throw new WorkerHaltException(WorkerExitCodes.Configuration, $"the key cannot sign: {error.Code}");
        }

        if (error.Category == KrakenErrorCategory.Permission)
        {
            throw new WorkerHaltException(WorkerExitCodes.Configuration, $"the key lacks a permission the process needs: {error.Code}");
        }
    }
}
