using System.CommandLine;
using Bulkhead.Runtime;
using Bulkhead.Runtime.Worker;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead worker FILE --process NAME [--env ENV]</c> (hidden): runs one manifest process as this OS process, writing
/// one JSON status line per event on stdout (Contract W, docs/runtime.md "Worker processes"). Started by <c>bulkhead run</c>.
/// Exit codes: see <see cref="WorkerExitCodes"/>.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The fleet manifest (fleet.toml)." };
        var process = new Option<string>("--process") { Description = "The manifest's process to run.", Required = true };
        var env = new Option<string?>("--env") { Description = "The manifest's environment (default: its default_environment)." };
        var command = new Command(RuntimeInfo.WorkerCommand, "Run one process of a fleet manifest (started by bulkhead run).") { file, process, env };
        command.Hidden = true;
        command.SetAction((parse, ct) => WorkerHost.RunProcessAsync(
            new WorkerOptions
            {
                ManifestPath = parse.GetValue(file)!.FullName,
                ProcessName = parse.GetValue(process)!,
                Environment = parse.GetValue(env),
                Time = environment.Time,
                GetVariable = environment.GetVariable,
                Out = environment.Out,
                Error = environment.Error,
                CallJournalFolder = FleetJournal.Folder(environment, parse.GetValue(file)!.Directory?.FullName),
                LeaseTtl = LeaseTime(environment),
            },
            ct));
        return command;
    }

    /// <summary>The key lease's time the host's supervisor asked for (<c>bulkhead run --lease-time</c>), else 15 s.</summary>
    private static TimeSpan LeaseTime(CliEnvironment environment) =>
        double.TryParse(environment.GetVariable(Runtime.Supervisor.Hosts.HostOwnershipOptions.LeaseTimeVariable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 1 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : Fleet.Sessions.ProcessSessionOptions.DefaultLeaseTtl;
}
