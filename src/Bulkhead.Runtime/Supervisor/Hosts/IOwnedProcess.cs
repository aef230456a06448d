namespace Bulkhead.Runtime.Supervisor.Hosts;

/// <summary>
/// A process this host owns. When <see cref="MustStop"/> is cancelled the supervisor stops the worker and disposes the
/// ownership: a lost (or self-fenced) lease, or a hand-back to a preferred host. Disposing releases the lease if still held.
/// </summary>
public interface IOwnedProcess : IDisposable
{
    /// <summary>Cancelled when the worker must stop: see <see cref="Reason"/>.</summary>
    CancellationToken MustStop { get; }

    /// <summary>Why it must stop (null while it may run).</summary>
    string? Reason { get; }

    /// <summary>The lease's fencing token.</summary>
    long FencingToken { get; }
}
