using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Runtime.Supervisor.Hosts;

/// <summary>
/// Which processes this host's supervisor may run, consulted before every worker start (one supervisor per host, one
/// owner per process). <see cref="HostOwnership"/> keeps it in the fleet's coordination store.
/// </summary>
public interface IProcessOwnership
{
    /// <summary>The host this supervisor runs on.</summary>
    string Host { get; }

    /// <summary>Whether this host may ever run <paramref name="process"/> (it is among the process's hosts).</summary>
    bool MayRun(FleetProcess process);

    /// <summary>Waits until this host owns <paramref name="process"/>; the supervisor then starts its worker.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    Task<IOwnedProcess> AcquireAsync(FleetProcess process, CancellationToken cancellationToken);

    /// <summary>Who owns <paramref name="process"/> now as far as this host knows (null: nobody, or not known yet).</summary>
    string? OwnerOf(string process);
}
