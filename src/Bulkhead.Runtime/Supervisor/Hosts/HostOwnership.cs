using Bulkhead.Fleet.Hosts;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Runtime.Supervisor.Hosts;

/// <summary>
/// This host's share of the fleet, kept in the coordination store through <see cref="HostLeases"/>: every third of the
/// lease time it writes the host's heartbeat, renews the process leases it holds and claims the processes its supervisor
/// waits for (a free or lapsed one goes to the first live host of the process's preference, and only once the key lease
/// of the process's key is over — held by no other host, or lapsed). A lease it cannot renew
/// within half the lease time is given up on the spot (self-fencing, on its own timer, so a store call hanging in a
/// partition cannot delay it); a lease a preferred host wants back (alive for <see cref="HostOwnershipOptions.HandBackAfter"/>)
/// is ended for a clean handover — the supervisor stops the worker gracefully, then the lease is released.
/// </summary>
public sealed class HostOwnership : IProcessOwnership, IDisposable
{
    private readonly HostLeases _leases;
    private readonly FleetManifest _manifest;
    private readonly HostOwnershipOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<IOwnedProcess>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Owned> _owned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _owners = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private string? _storeProblem;

    /// <summary>Starts beating for <paramref name="host"/> and keeping its leases.</summary>
    /// <exception cref="ArgumentException"><paramref name="host"/> is not one of the manifest's <c>[hosts]</c>.</exception>
    public HostOwnership(HostLeases leases, FleetManifest manifest, string host, HostOwnershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.LeaseTime, TimeSpan.Zero);
        if (CheckHost(manifest, host) is { } problem)
        {
            throw new ArgumentException(problem, nameof(host));
        }

        _leases = leases;
        _manifest = manifest;
        _options = options;
        Host = host;
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc />
    public string Host { get; }

    /// <summary>Null when <paramref name="host"/> names one of the manifest's <c>[hosts]</c>; else why not.</summary>
    public static string? CheckHost(FleetManifest manifest, string? host)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Hosts.IsDefaultOrEmpty)
        {
            return $"--host {host}: the manifest declares no [hosts.NAME] tables; declare the fleet's hosts to run one supervisor per host";
        }

        return string.IsNullOrWhiteSpace(host) || manifest.FindHost(host) is null
            ? $"--host {host}: not a host of the manifest; its hosts: {string.Join(", ", manifest.Hosts.Select(h => h.Name))}"
            : null;
    }

    /// <inheritdoc />
    public bool MayRun(FleetProcess process) => Preference(process).Contains(Host, StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<IOwnedProcess> AcquireAsync(FleetProcess process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        var waiter = new TaskCompletionSource<IOwnedProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting[process.Name] = waiter;
        }

        Wake();
        using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
        {
            try
            {
                return await waiter.Task.ConfigureAwait(false);
            }
            finally
            {
                lock (_gate)
                {
                    if (_waiting.TryGetValue(process.Name, out var current) && current == waiter)
                    {
                        _waiting.Remove(process.Name);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public string? OwnerOf(string process)
    {
        lock (_gate)
        {
            return _owned.ContainsKey(process) ? Host : _owners.GetValueOrDefault(process);
        }
    }

    /// <summary>Stops beating and releases every lease still held.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        _loop.Wait(TimeSpan.FromSeconds(30));
        Owned[] owned;
        lock (_gate)
        {
            owned = [.. _owned.Values];
        }

        foreach (var o in owned)
        {
            o.Dispose();
        }

        _leases.Dispose();
        _stop.Dispose();
    }

    private void Wake()
    {
        lock (_gate)
        {
            _wake.TrySetResult();
        }
    }

    private List<string> Preference(FleetProcess process) => [.. _manifest.HostsOf(process).Select(h => h.Name)];

    private TimeSpan Period => _options.LeaseTime / 3;

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Task woken;
            lock (_gate)
            {
                if (_wake.Task.IsCompleted)
                {
                    _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                woken = _wake.Task;
            }

            Tick();
            try
            {
                await Task.WhenAny(woken, Task.Delay(Period, _options.Time, _stop.Token)).ConfigureAwait(false);
                _stop.Token.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Tick()
    {
        if (!Store(() => _leases.Beat(Host, Environment.ProcessId, _options.LeaseTime)))
        {
            return;
        }

        Owned[] owned;
        KeyValuePair<string, TaskCompletionSource<IOwnedProcess>>[] waiting;
        lock (_gate)
        {
            owned = [.. _owned.Values.Where(o => !o.MustStop.IsCancellationRequested)];
            waiting = [.. _waiting];
        }

        foreach (var o in owned)
        {
            var attempt = _options.Time.GetTimestamp();
            ProcessRenewal? renewal = null;
            if (!Store(() => renewal = _leases.Renew(o.Lease, Preference(o.Process), _options.LeaseTime, _options.HandBackAfter)))
            {
                continue; // the self-fence timer decides
            }

            if (!renewal!.Held)
            {
                o.End($"its process lease was taken over (fencing token {o.Lease.FencingToken} is no longer current)");
            }
            else if (renewal.HandBackTo is { } preferred)
            {
                o.End($"handing it back to its preferred host {preferred}");
            }
            else
            {
                o.Renewed(attempt);
            }
        }

        foreach (var (name, waiter) in waiting)
        {
            if (waiter.Task.IsCompleted || _manifest.FindProcess(name) is not { } process)
            {
                continue;
            }

            // A successor starts only after the old holder's key lease is certainly over (it fenced itself at half of it).
            Fleet.Coordination.LeaseState? key = null;
            if (process.Key is { } keyName && !Store(() => key = _leases.KeyLease(keyName)))
            {
                continue;
            }

            if (key is { Holder: { } keyHolder, ExpiresAt: { } keyExpires } && keyExpires > _options.Time.GetUtcNow() && keyHolder.Host != Host)
            {
                lock (_gate)
                {
                    _owners[name] = keyHolder.Host;
                }

                continue;
            }

            ProcessClaim? claim = null;
            if (!Store(() => claim = _leases.TryClaim(name, Host, Preference(process), _options.LeaseTime)))
            {
                continue;
            }

            if (!claim!.Granted)
            {
                lock (_gate)
                {
                    _owners[name] = claim.Owner;
                }

                continue;
            }

            var taken = new Owned(this, process, claim.Lease);
            lock (_gate)
            {
                _owned[name] = taken;
                _owners[name] = Host;
            }

            _options.Log?.Invoke($"host {Host}: owns {name} (process lease, fencing token {claim.Lease.FencingToken})");
            if (!waiter.TrySetResult(taken))
            {
                taken.Dispose();
            }
        }
    }

    /// <summary>Runs one store call; false (logged once per problem) when the store cannot be reached.</summary>
    private bool Store(Action call)
    {
        try
        {
            call();
            if (_storeProblem is not null)
            {
                _storeProblem = null;
                _options.Log?.Invoke($"host {Host}: the coordination store answers again");
            }

            return true;
        }
#pragma warning disable CA1031 // An unreachable store is the partition this component is built for: retried at the next tick.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var problem = $"{ex.GetType().Name}: {ex.Message}";
            if (problem != _storeProblem)
            {
                _storeProblem = problem;
                _options.Log?.Invoke($"host {Host}: the coordination store cannot be reached ({problem})");
            }

            return false;
        }
    }

    private sealed class Owned : IOwnedProcess
    {
        private readonly HostOwnership _owner;
        private readonly CancellationTokenSource _mustStop = new();
        private readonly ITimer _fence;
        private readonly Lock _gate = new();
        private bool _disposed;

        public Owned(HostOwnership owner, FleetProcess process, ProcessLease lease)
        {
            _owner = owner;
            Process = process;
            Lease = lease;
            _fence = owner._options.Time.CreateTimer(_ => End($"self-fenced: its process lease could not be renewed within {FenceAfter.TotalSeconds:0.###} s (half the lease time)"), null, FenceAfter, Timeout.InfiniteTimeSpan);
        }

        public FleetProcess Process { get; }

        public ProcessLease Lease { get; }

        public CancellationToken MustStop => _mustStop.Token;

        public string? Reason { get; private set; }

        public long FencingToken => Lease.FencingToken;

        private TimeSpan FenceAfter => _owner._options.LeaseTime / 2;

        public void Renewed(long attempt)
        {
            lock (_gate)
            {
                if (_disposed || Reason is not null)
                {
                    return;
                }

                var remaining = FenceAfter - _owner._options.Time.GetElapsedTime(attempt);
                _fence.Change(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            }
        }

        public void End(string reason)
        {
            lock (_gate)
            {
                if (_disposed || Reason is not null)
                {
                    return;
                }

                Reason = reason;
                _fence.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            }

            _owner._options.Log?.Invoke($"host {_owner.Host}: stops {Process.Name}: {reason}");
            _mustStop.Cancel();
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
            }

            _fence.Dispose();
            lock (_owner._gate)
            {
                if (_owner._owned.TryGetValue(Process.Name, out var current) && current == this)
                {
                    _owner._owned.Remove(Process.Name);
                    _owner._owners.Remove(Process.Name);
                }
            }

            // A lease taken over or fenced needs no release (the token check makes it a no-op anyway); a store out of
            // reach cannot be told: the lease lapses.
            _owner.Store(() => _owner._leases.Release(Lease));
            _mustStop.Dispose();
        }
    }
}
