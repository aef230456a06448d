using System.CommandLine;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Worker;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead flatten FILE STRATEGY [--env ENV]</c>: the kill switch of one strategy. Runs the manifest's flattener process
/// of that strategy (role <c>flattener</c>, <c>strategy = STRATEGY</c>) once: cancel every open order of its subaccount,
/// close its position, journal the orders and fills. Prints the worker's JSON status lines; exit codes as
/// <see cref="WorkerExitCodes"/> (0 flattened, 1 failed, 2 configuration, 3 key held, 4 authentication halt).
/// </summary>
internal static class FlattenCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The fleet manifest (fleet.toml)." };
        var strategy = new Argument<string>("STRATEGY") { Description = "The strategy to flatten (its flattener process runs)." };
        var env = new Option<string?>("--env") { Description = "The manifest's environment (default: its default_environment)." };
        var command = new Command("flatten", "Cancel every order of a strategy's subaccount and close its position, with the strategy's flattener key.") { file, strategy, env };
        command.SetAction((parse, ct) => RunAsync(environment, parse.GetValue(file)!, parse.GetValue(strategy)!, parse.GetValue(env), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, FileInfo file, string strategy, string? env, CancellationToken cancellationToken)
    {
        var loaded = File.Exists(file.FullName) ? ManifestLoader.Load(file.FullName) : null;
        if (loaded is not { IsValid: true })
        {
            await environment.Error.WriteLineAsync(loaded is null
                ? $"bulkhead: the fleet manifest {file.FullName} does not exist"
                : $"bulkhead: {file.FullName} is not a valid fleet manifest:{Environment.NewLine}{string.Join(Environment.NewLine, loaded.Problems)}").ConfigureAwait(false);
            return WorkerExitCodes.Configuration;
        }

        var manifest = loaded.Manifest;
        var flattener = manifest.Processes.FirstOrDefault(p => p.Role == FleetRole.Flattener && p.Strategy == strategy);
        if (flattener is null)
        {
            await environment.Error.WriteLineAsync(manifest.FindStrategy(strategy) is null
                ? $"bulkhead: the manifest has no strategy '{strategy}' (strategies: {string.Join(", ", manifest.Strategies.Select(s => s.Name))})"
                : $"bulkhead: strategy '{strategy}' has no flattener process: add [processes.{strategy}-flattener] with role = \"flattener\" and strategy = \"{strategy}\"").ConfigureAwait(false);
            return WorkerExitCodes.Configuration;
        }

        return await WorkerHost.RunProcessAsync(
            new WorkerOptions
            {
                ManifestPath = file.FullName,
                ProcessName = flattener.Name,
                Environment = env,
                Time = environment.Time,
                GetVariable = environment.GetVariable,
                Out = environment.Out,
                Error = environment.Error,
                CallJournalFolder = FleetJournal.Folder(environment, file.Directory?.FullName),
            },
            cancellationToken).ConfigureAwait(false);
    }
}
