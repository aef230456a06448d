using System.Runtime.InteropServices;

namespace Bulkhead.Runtime;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM cancel <see cref="Token"/> instead of ending the process, so a long-running command (a
/// worker, <c>run</c>, <c>demo</c>, a repeating <c>api</c> call) stops gracefully first, however long that takes. A stop
/// requested after the command has ended is ignored: the runtime invokes every handler of one signal in turn, so ours may
/// run only after another handler waited for the graceful stop to finish.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _int;
    private ITimer? _timer;

    /// <summary>Starts listening; <paramref name="cancellationToken"/> also stops.</summary>
    public StopSignals(CancellationToken cancellationToken = default)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    /// <summary>Cancelled when a stop is requested.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Also stop after <paramref name="delay"/> (<c>--duration</c>).</summary>
    public void StopAfter(TimeSpan delay, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _timer?.Dispose();
        _timer = time.CreateTimer(_ => RequestStop(), null, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Requests a stop (a signal, the parent's death, a timer); a no-op once disposed.</summary>
    public void RequestStop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timer?.Dispose();
        _term.Dispose();
        _int.Dispose();
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        RequestStop();
    }
}
