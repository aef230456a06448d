using System.CommandLine;
using Bulkhead.Dashboard;
using Bulkhead.Fleet.Hosts;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Operations;
using Bulkhead.Runtime;
using Bulkhead.Runtime.Operations;
using Bulkhead.Runtime.Supervisor;
using Bulkhead.Runtime.Supervisor.Hosts;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead run FILE [--host NAME [--lease-time S] [--hand-back-after S]] [--only NAME] [--env ENV] [--port PORT] [--dashboard-bind ADDR] [--dashboard-token TOKEN]</c>:
/// supervises the fleet (every trader and dashboard process as its own <c>bulkhead worker</c>) until Ctrl-C or SIGTERM,
/// then stops it gracefully; with <c>--port</c> it serves the operator dashboard (Bulkhead.Dashboard) from the same
/// process. A live table on a terminal, plain lines otherwise. Exit 0 after a graceful stop; 1 when every process ended
/// on its own (halted, failed); 2 usage (manifest, environment, --only, a port taken, a non-loopback bind without token).
/// </summary>
internal static class RunCommand
{
    /// <summary>Exit code when the fleet ended by itself: every process halted, failed or stopped without being asked.</summary>
    public const int FleetEnded = 1;

    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "The fleet manifest, e.g. fleet.toml." };
        var only = new Option<string?>("--only") { Description = "Run only this process of the manifest (a trader or the dashboard)." };
        var env = new Option<string?>("--env") { Description = "The environment (default: the manifest's default_environment)." };
        var port = new Option<int?>("--port") { Description = "Serve the dashboard (the page, its JSON API and /api/status) on this port of --dashboard-bind (0: any free port)." };
        var bind = DashboardSettings.BindOption();
        var token = DashboardSettings.TokenOption();
        var operatorToken = DashboardSettings.OperatorTokenOption();
        var force = new Option<bool>("--force") { Description = "Run on a production environment even though this manifest revision has no clean sandbox run (journaled in the operator journal)." };
        var host = new Option<string?>("--host") { Description = "This machine's name among the manifest's [hosts]: run one supervisor per host on a shared coordination store; this one runs only the processes whose process lease it holds (the preferred host first, a standby when the owner's lease lapses)." };
        var leaseTime = new Option<double>("--lease-time") { Description = "With --host: seconds a process lease and the workers' key leases live unless renewed (renewed every third; a host that cannot renew stops its processes after half).", DefaultValueFactory = _ => HostOwnershipOptions.DefaultLeaseTime.TotalSeconds };
        var handBack = new Option<double>("--hand-back-after") { Description = "With --host: seconds a preferred host must have been up before a standby hands its processes back (a clean handover).", DefaultValueFactory = _ => 60 };
        var command = new Command("run", "Run the fleet: each trader and the dashboard as its own process with its own key; restart crashes with backoff, never restart a process halted for authentication, risk or configuration; Ctrl-C stops all gracefully.")
        {
            file, only, env, port, bind, token, operatorToken, host, leaseTime, handBack, force,
        };
        command.SetAction(async (parse, ct) =>
        {
            var envName = parse.GetValue(env);
            if (FleetReadSupport.Load(environment, parse.GetValue(file)!, envName) is not { } manifest)
            {
                return ExitCodes.Usage;
            }

            if (DashboardSettings.From(environment, "run", parse.GetValue(bind), parse.GetValue(token), parse.GetValue(operatorToken)) is not { } dashboard)
            {
                return ExitCodes.Usage;
            }

            if (parse.GetValue(port) is null && (parse.GetValue(bind) is not null || parse.GetValue(token) is not null || parse.GetValue(operatorToken) is not null))
            {
                await environment.Error.WriteLineAsync("bulkhead run: --dashboard-bind, --dashboard-token and --operator-token need --port PORT (the dashboard is served only with --port)").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var hostName = parse.GetValue(host);
            if (hostName is not null && (parse.GetValue(leaseTime) is < 1 or > 3600 || parse.GetValue(handBack) is < 0 or > 86400))
            {
                await environment.Error.WriteLineAsync("bulkhead run: --lease-time must be 1–3600 seconds and --hand-back-after 0–86400 seconds").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (await RehearsalSupport.EnforceAsync(environment, manifest, envName, parse.GetValue(force)).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            using var signals = new StopSignals(ct);
            return await RunAsync(environment, manifest, new RunSettings(envName, parse.GetValue(only), parse.GetValue(port), null, null)
            {
                Dashboard = dashboard,
                Host = hostName,
                LeaseTime = TimeSpan.FromSeconds(parse.GetValue(leaseTime)),
                HandBackAfter = TimeSpan.FromSeconds(parse.GetValue(handBack)),
            }, signals).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the fleet until <paramref name="signals"/> says stop (or it ends by itself); the demo calls this too.</summary>
    public static async Task<int> RunAsync(CliEnvironment environment, FleetManifest manifest, RunSettings settings, StopSignals signals)
    {
        HostOwnership? ownership = null;
        if (settings.Host is { } host)
        {
            if (HostOwnership.CheckHost(manifest, host) is { } problem)
            {
                await environment.Error.WriteLineAsync($"bulkhead run: {problem}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            try
            {
                ownership = new HostOwnership(HostLeases.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory), manifest, host, new HostOwnershipOptions
                {
                    Time = environment.Time,
                    LeaseTime = settings.LeaseTime,
                    HandBackAfter = settings.HandBackAfter,
                    Log = line => Log(environment, line),
                });
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or System.Data.Common.DbException)
            {
                await environment.Error.WriteLineAsync($"bulkhead run: the process leases in the coordination store ({manifest.Fleet.Coordination}) cannot be opened: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
        }

        try
        {
            return await SuperviseAsync(environment, manifest, settings, signals, ownership).ConfigureAwait(false);
        }
        finally
        {
            ownership?.Dispose();
        }
    }

    private static async Task<int> SuperviseAsync(CliEnvironment environment, FleetManifest manifest, RunSettings settings, StopSignals signals, HostOwnership? ownership)
    {
        FleetSupervisor supervisor;
        try
        {
            supervisor = new FleetSupervisor(manifest, new FleetSupervisorOptions
            {
                Environment = settings.Environment,
                Only = settings.Only,
                Time = environment.Time,
                Launcher = new OsChildLauncher(WorkerCommandLine.ThisProgram(), WorkerVariables(settings)),
                Log = line => Log(environment, line),
                Ownership = ownership,
            });
        }
        catch (ArgumentException e)
        {
            await environment.Error.WriteLineAsync($"bulkhead run: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        OperatorJournal journal;
        try
        {
            journal = OperatorJournal.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            await environment.Error.WriteLineAsync($"bulkhead run: the operator journal in the coordination store ({manifest.Fleet.Coordination}) cannot be opened: {e.Message}").ConfigureAwait(false);
            await supervisor.DisposeAsync().ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var journalScope = journal;
        var fleetOperator = new FleetOperator(supervisor, journal, environment.Time);
        if (fleetOperator.RestoreKillSwitch() is { } pulled)
        {
            await environment.Out.WriteLineAsync($"kill switch: pulled by {pulled.Operator} ({pulled.Source}) at {pulled.StartedAt:yyyy-MM-dd HH:mm:ss} UTC; no trader starts until it is re-armed (bulkhead kill FILE --rearm, or the dashboard)").ConfigureAwait(false);
        }

        await using (supervisor.ConfigureAwait(false))
        {
            DashboardHost? dashboard = null;
            SupervisorAddress? address = null;
            if (settings.Port is { } port)
            {
                try
                {
                    dashboard = await DashboardHost.StartAsync(DashboardOptionsFor(environment, manifest, supervisor, settings, port, fleetOperator), signals.Token).ConfigureAwait(false);
                    address = new SupervisorAddress(dashboard.Url, System.Environment.ProcessId, System.Environment.MachineName, supervisor.Environment, environment.Time.GetUtcNow());
                    if (address.Write(manifest) is { } problem)
                    {
                        await environment.Error.WriteLineAsync($"bulkhead run: {problem}").ConfigureAwait(false);
                    }

                    await environment.Out.WriteLineAsync($"status: {dashboard.Url}api/status").ConfigureAwait(false);
                    await environment.Out.WriteLineAsync($"metrics: {dashboard.Url}metrics").ConfigureAwait(false);
                    await environment.Out.WriteLineAsync($"dashboard: {dashboard.Url}{(DashboardHost.HasPage ? string.Empty : " (this build has no page: the JSON API only)")}").ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    await environment.Error.WriteLineAsync($"bulkhead run: cannot serve the dashboard on {settings.Dashboard.Bind}:{port}: {e.Message}; choose another --port").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
                catch (DashboardOptionsException e)
                {
                    await environment.Error.WriteLineAsync($"bulkhead run: {e.Message}").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
            }

            if (dashboard is null && !manifest.Alerts.IsEmpty)
            {
                await environment.Error.WriteLineAsync($"bulkhead run: the manifest's {manifest.Alerts.Length} alert rule(s) are evaluated by the supervisor's dashboard side: they are not evaluated without --port PORT").ConfigureAwait(false);
            }

            try
            {
                var on = ownership is null ? string.Empty : $" as host {ownership.Host}, each while it holds the process's lease";
                await environment.Out.WriteLineAsync($"running fleet {manifest.Fleet.Name} ({supervisor.Snapshot().Count} processes) on {supervisor.Environment}{on}; Ctrl-C stops it").ConfigureAwait(false);
                await environment.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                var started = environment.Time.GetUtcNow();
                supervisor.Start();
                settings.Started?.Invoke(supervisor);
                await FleetStatusView.ShowAsync(environment, supervisor, environment.OutputIsTerminal, signals.Token).ConfigureAwait(false);
                var asked = signals.Token.IsCancellationRequested;
                await environment.Out.WriteLineAsync(asked ? "stopping: SIGTERM to every worker (SIGKILL after 15 s)" : "every process has ended").ConfigureAwait(false);
                await supervisor.StopAsync().ConfigureAwait(false);
                FleetStatusView.PrintFinal(environment, supervisor);
                if (asked && settings.Rehearse && settings.Only is null && settings.Host is null)
                {
                    await RehearsalSupport.RecordAsync(environment, manifest, supervisor, started, FleetJournal.Folder(environment, manifest.BaseDirectory)).ConfigureAwait(false);
                }

                await environment.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                return asked ? ExitCodes.Success : FleetEnded;
            }
            finally
            {
                address?.Delete(manifest);
                if (dashboard is not null)
                {
                    await dashboard.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static DashboardOptions DashboardOptionsFor(CliEnvironment environment, FleetManifest manifest, FleetSupervisor supervisor, RunSettings settings, int port, FleetOperator fleetOperator) => new()
    {
        Manifest = manifest,
        Supervisor = supervisor,
        Time = environment.Time,
        Bind = settings.Dashboard.Bind,
        Port = port,
        Token = settings.Dashboard.Token,
        OperatorToken = settings.Dashboard.OperatorToken,
        Operator = fleetOperator,
        GetVariable = environment.GetVariable,
        Log = line => Log(environment, line),
        CallJournalFolder = FleetJournal.Folder(environment, manifest.BaseDirectory) ?? Path.Combine(manifest.BaseDirectory, "journal"),
    };

    /// <summary>
    /// The workers' extra variables, minus the dashboard's tokens (no worker needs them); on a host of several, the host's
    /// name (recorded with the key leases) and the lease time.
    /// </summary>
    private static Dictionary<string, string?> WorkerVariables(RunSettings settings)
    {
        var result = new Dictionary<string, string?>(settings.ChildEnvironment ?? new Dictionary<string, string?>(), StringComparer.Ordinal)
        {
            [DashboardOptions.TokenVariable] = null,
            [DashboardOptions.OperatorTokenVariable] = null,
        };
        if (settings.Host is { } host)
        {
            result[Fleet.Sessions.ProcessSessionOptions.HostVariable] = host;
            result[HostOwnershipOptions.LeaseTimeVariable] = settings.LeaseTime.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static void Log(CliEnvironment environment, string line)
    {
        lock (environment.Error)
        {
            environment.Error.WriteLine(line);
        }
    }
}

/// <summary>How <see cref="RunCommand.RunAsync"/> runs the fleet.</summary>
/// <param name="Environment">The manifest environment (null: its default).</param>
/// <param name="Only">Run only this process.</param>
/// <param name="Port">Serve the dashboard (and <c>/api/status</c>) on this port (null: not at all).</param>
/// <param name="ChildEnvironment">Extra variables for the workers.</param>
/// <param name="Started">Called once the supervisor started (the demo keeps it for its checks).</param>
internal sealed record RunSettings(string? Environment, string? Only, int? Port, IReadOnlyDictionary<string, string?>? ChildEnvironment, Action<FleetSupervisor>? Started)
{
    /// <summary>Where the dashboard listens and its token.</summary>
    public DashboardSettings Dashboard { get; init; } = DashboardSettings.Loopback;

    /// <summary>
    /// Judge and record a whole-fleet run on a sandbox or UAT environment as a rehearsal when it stops (the production
    /// gate reads them); the demo judges itself and sets this false.
    /// </summary>
    public bool Rehearse { get; init; } = true;

    /// <summary>This machine's name among the manifest's <c>[hosts]</c> (<c>--host</c>); null: one host runs everything.</summary>
    public string? Host { get; init; }

    /// <summary>With <see cref="Host"/>: the process and key leases' time.</summary>
    public TimeSpan LeaseTime { get; init; } = HostOwnershipOptions.DefaultLeaseTime;

    /// <summary>With <see cref="Host"/>: how long a preferred host must be up before its processes are handed back.</summary>
    public TimeSpan HandBackAfter { get; init; } = TimeSpan.FromSeconds(60);
}
