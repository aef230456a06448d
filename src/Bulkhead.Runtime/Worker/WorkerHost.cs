using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Journal;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Runtime.Roles;

namespace Bulkhead.Runtime.Worker;

/// <summary>
/// Runs one manifest process as this operating-system process (Contract W): loads the manifest, opens the process's key
/// through <see cref="ProcessSession"/> (exit 2 on a configuration problem, 3 when another live process holds the key),
/// runs its role (trader, dashboard, flattener) and writes the status lines. SIGTERM and SIGINT stop it gracefully.
/// </summary>
public static class WorkerHost
{
    /// <summary>Runs until the role ends or SIGTERM/SIGINT arrives; returns the exit code (<see cref="WorkerExitCodes"/>).</summary>
    public static async Task<int> RunProcessAsync(WorkerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var stop = new StopSignals(cancellationToken);

        // Started by a supervisor: its death (even SIGKILL) closes our stdin, which stops us as SIGTERM would.
        // The kill switch is a line on stdin just before SIGTERM: the stop then leaves the dead man's switch set to fire.
        Supervisor.ParentWatch.Start(options.GetVariable, Console.In, stop.RequestStop, options.KillSwitch.Pull);
        return await RunAsync(options, stop.Token).ConfigureAwait(false);
    }

    /// <summary>Runs until the role ends or <paramref name="stop"/> is cancelled (a graceful stop); returns the exit code.</summary>
    public static async Task<int> RunAsync(WorkerOptions options, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        var status = new StatusWriter(options.Out, options.ProcessName, options.Time);
        status.Write("starting", ("pid", System.Environment.ProcessId));
        if (!TryLoad(options, out var manifest, out var process, out var problem))
        {
            return Fail(options, status, WorkerExitCodes.Configuration, problem);
        }

        ProcessSession session;
        try
        {
            session = ProcessSession.Open(manifest, process.Name, new ProcessSessionOptions
            {
                Time = options.Time,
                GetVariable = options.GetVariable,
                Environment = options.Environment,
                Tier = options.Tier,
                LeaseTtl = options.LeaseTtl,
            });
        }
        catch (ProcessSessionException ex)
        {
            var failure = ex.Failure switch
            {
                ProcessSessionFailure.KeyUnavailable => WorkerExitCodes.KeyHeld,
                ProcessSessionFailure.StoreUnavailable => WorkerExitCodes.Crashed,
                _ => WorkerExitCodes.Configuration,
            };
            return Fail(options, status, failure, ex.Message);
        }

        int code;
        using (session)
        {
            status.Write("running", ("pid", System.Environment.ProcessId), ("fencing", session.Lease.FencingToken), ("account", session.Account), ("key", session.Key.Name));
            IFillJournal journal;
            try
            {
                journal = FillJournal.Open(manifest.Fleet.Journal, manifest.BaseDirectory, options.Time);
            }
            catch (ArgumentException ex)
            {
                return Fail(options, status, WorkerExitCodes.Configuration, $"[fleet] journal: {ex.Message}");
            }
#pragma warning disable CA1031 // An unreachable journal store is reported as a crash (the supervisor retries).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return Fail(options, status, WorkerExitCodes.Crashed, $"cannot open the fill journal ({ex.GetType().Name}: {ex.Message})");
            }

            using (journal)
            {
                using var calls = options.CallJournalFolder is { } folder ? new CallJournalWriter(folder, process.Name) : null;
                using var http = options.Handler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient();
                http.Timeout = Timeout.InfiniteTimeSpan;
                var run = new WorkerRun { Options = options, Manifest = manifest, Session = session, Status = status, Journal = journal, Http = http, Calls = calls };
                code = await RunRoleAsync(run, stop).ConfigureAwait(false);
            }
        }

        // The journal is flushed and the lease released (the session disposed) before "stopped" is written.
        if (code == WorkerExitCodes.Stopped)
        {
            status.Write("stopped");
        }

        return code;
    }

    private static async Task<int> RunRoleAsync(WorkerRun run, CancellationToken stop)
    {
        try
        {
            var code = run.Process.IsExternal ? await Gateway.ExternalBotRunner.RunAsync(run, stop).ConfigureAwait(false) : run.Process.Role switch
            {
                FleetRole.Trader => await TraderRunner.RunAsync(run, stop).ConfigureAwait(false),
                FleetRole.Dashboard => await DashboardMonitor.RunAsync(run, stop).ConfigureAwait(false),
                FleetRole.Flattener => await Flattener.RunAsync(run, stop).ConfigureAwait(false),
                _ => throw new WorkerHaltException(WorkerExitCodes.Configuration, $"role {run.Process.Role} is not run by the worker"),
            };
            return code;
        }
        catch (WorkerHaltException ex) when (ex.IsHalt)
        {
            run.Status.Write("halted", ("reason", ex.Message));
            run.Log("halted: " + ex.Message);
            return ex.ExitCode;
        }
        catch (WorkerHaltException ex)
        {
            return Fail(run.Options, run.Status, ex.ExitCode, ex.Message);
        }
        catch (LeaseLostException ex)
        {
            return Fail(run.Options, run.Status, WorkerExitCodes.KeyHeld, ex.Message);
        }
        catch (OperationCanceledException) when (run.Session.LeaseLost.IsCancellationRequested)
        {
            return Fail(run.Options, run.Status, WorkerExitCodes.KeyHeld, $"the lease of key {run.Session.Key.Name} was lost; stopped sending");
        }
#pragma warning disable CA1031 // The worker's last line of defence: report the crash (exit 1, restart) instead of dying silently.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            run.Log(ex.ToString());
            return Fail(run.Options, run.Status, WorkerExitCodes.Crashed, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static bool TryLoad(WorkerOptions options, out FleetManifest manifest, out FleetProcess process, out string problem)
    {
        manifest = null!;
        process = null!;
        if (!File.Exists(options.ManifestPath))
        {
            problem = $"the fleet manifest {options.ManifestPath} does not exist";
            return false;
        }

        var loaded = ManifestLoader.Load(options.ManifestPath);
        if (!loaded.IsValid)
        {
            problem = $"{options.ManifestPath} is not a valid fleet manifest: " + string.Join("; ", loaded.Problems);
            return false;
        }

        manifest = loaded.Manifest;
        var found = manifest.FindProcess(options.ProcessName);
        if (found is null)
        {
            problem = $"the manifest has no process '{options.ProcessName}' (processes: {string.Join(", ", manifest.Processes.Select(p => p.Name))})";
            return false;
        }

        process = found;
        // An external command brings its own logic: only its key matters (its role decides what its gateway lets through).
        problem = found.IsExternal ? string.Empty : found.Role switch
        {
            FleetRole.Reconciler => $"process '{found.Name}' is a reconciler: run it with bulkhead reconcile, not as a worker",
            FleetRole.Treasury => $"process '{found.Name}' is the treasury: run it with bulkhead treasury, not as a worker",
            FleetRole.Replayer => $"process '{found.Name}' is a replayer: it is not run by the worker",
            FleetRole.Trader or FleetRole.Flattener when found.Strategy is null || manifest.FindStrategy(found.Strategy) is null =>
                $"process '{found.Name}' ({found.Role.ToString().ToLowerInvariant()}) names no strategy of the manifest",
            _ => string.Empty,
        };
        return problem.Length == 0;
    }

    private static int Fail(WorkerOptions options, StatusWriter status, int code, string message)
    {
        status.Write("error", ("message", message), ("exitCode", code));
        options.Error.WriteLine($"bulkhead worker {options.ProcessName}: {message}");
        options.Error.Flush();
        return code;
    }
}
