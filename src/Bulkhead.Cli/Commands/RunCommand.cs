using System.CommandLine;
using Bulkhead.Runtime;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor;
using Microsoft.AspNetCore.Builder;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead run FILE [--only NAME] [--env ENV] [--port PORT]</c>: supervises the fleet (every trader and dashboard
/// process as its own <c>bulkhead worker</c>) until Ctrl-C or SIGTERM, then stops it gracefully. A live table on a
/// terminal, plain lines otherwise. Exit 0 after a graceful stop; 1 when every process ended on its own (halted,
/// failed); 2 usage (manifest, environment, --only).
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
        var port = new Option<int?>("--port") { Description = "Serve the supervisor's state as JSON on http://127.0.0.1:PORT/api/status (0: any free port)." };
        var command = new Command("run", "Run the fleet: each trader and the dashboard as its own process with its own key; restart crashes with backoff, never restart a process halted for authentication, risk or configuration; Ctrl-C stops all gracefully.")
        {
            file, only, env, port,
        };
        command.SetAction(async (parse, ct) =>
        {
            var envName = parse.GetValue(env);
            if (FleetReadSupport.Load(environment, parse.GetValue(file)!, envName) is not { } manifest)
            {
                return ExitCodes.Usage;
            }

            using var signals = new StopSignals(ct);
            return await RunAsync(environment, manifest, new RunSettings(envName, parse.GetValue(only), parse.GetValue(port), null, null), signals).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs the fleet until <paramref name="signals"/> says stop (or it ends by itself); the demo calls this too.</summary>
    public static async Task<int> RunAsync(CliEnvironment environment, FleetManifest manifest, RunSettings settings, StopSignals signals)
    {
        FleetSupervisor supervisor;
        try
        {
            supervisor = new FleetSupervisor(manifest, new FleetSupervisorOptions
            {
                Environment = settings.Environment,
                Only = settings.Only,
                Time = environment.Time,
                Launcher = new OsChildLauncher(WorkerCommandLine.ThisProgram(), settings.ChildEnvironment),
                Log = line => Log(environment, line),
            });
        }
        catch (ArgumentException e)
        {
            await environment.Error.WriteLineAsync($"bulkhead run: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        await using (supervisor.ConfigureAwait(false))
        {
            WebApplication? api = null;
            if (settings.Port is { } port)
            {
                try
                {
                    api = await StatusApi.StartAsync(port, manifest.Fleet.Name, supervisor, environment.Time, signals.Token).ConfigureAwait(false);
                    await environment.Out.WriteLineAsync($"status: {api.Urls.First().TrimEnd('/')}/api/status").ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    await environment.Error.WriteLineAsync($"bulkhead run: cannot serve the status on 127.0.0.1:{port}: {e.Message}; choose another --port").ConfigureAwait(false);
                    return ExitCodes.Usage;
                }
            }

            try
            {
                await environment.Out.WriteLineAsync($"running fleet {manifest.Fleet.Name} ({supervisor.Snapshot().Count} processes) on {supervisor.Environment}; Ctrl-C stops it").ConfigureAwait(false);
                await environment.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                supervisor.Start();
                settings.Started?.Invoke(supervisor);
                await FleetStatusView.ShowAsync(environment, supervisor, environment.OutputIsTerminal, signals.Token).ConfigureAwait(false);
                var asked = signals.Token.IsCancellationRequested;
                await environment.Out.WriteLineAsync(asked ? "stopping: SIGTERM to every worker (SIGKILL after 15 s)" : "every process has ended").ConfigureAwait(false);
                await supervisor.StopAsync().ConfigureAwait(false);
                FleetStatusView.PrintFinal(environment, supervisor);
                await environment.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                return asked ? ExitCodes.Success : FleetEnded;
            }
            finally
            {
                if (api is not null)
                {
                    await api.StopAsync(CancellationToken.None).ConfigureAwait(false);
                    await api.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
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
/// <param name="Port">Serve <c>/api/status</c> on this port (null: not at all).</param>
/// <param name="ChildEnvironment">Extra variables for the workers.</param>
/// <param name="Started">Called once the supervisor started (the demo keeps it for its checks).</param>
internal sealed record RunSettings(string? Environment, string? Only, int? Port, IReadOnlyDictionary<string, string?>? ChildEnvironment, Action<FleetSupervisor>? Started);
