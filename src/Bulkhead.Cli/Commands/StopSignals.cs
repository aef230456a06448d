using System.Runtime.InteropServices;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM cancel <see cref="Token"/> instead of ending the process, so a long-running command (run,
/// demo) can stop its workers gracefully first, however long that takes.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _term;
    private readonly PosixSignalRegistration _int;
    private ITimer? _timer;

    public StopSignals(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>Also stop after <paramref name="delay"/> (<c>--duration</c>).</summary>
    public void StopAfter(TimeSpan delay, TimeProvider time)
    {
        _timer?.Dispose();
        _timer = time.CreateTimer(_ => _stop.Cancel(), null, delay, Timeout.InfiniteTimeSpan);
    }

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
        _stop.Cancel();
    }
}
