using System.CommandLine;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Operations;
using Bulkhead.Runtime.Operations;
using Bulkhead.Runtime.Worker;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead flatten FILE STRATEGY [--env ENV]</c>: the kill switch of one strategy. When a supervisor serves the fleet
/// (<c>--url</c>, or the address it recorded), the action goes to it like the dashboard's button: it halts the strategy's
/// trader first, then runs the flattener (exit codes as <see cref="OperatorCommands"/>). Without one, it runs the
/// manifest's flattener process of that strategy (role <c>flattener</c>, <c>strategy = STRATEGY</c>) once itself: cancel
/// every open order of its subaccount, close its position, journal the orders and fills; it prints the worker's JSON
/// status lines and exits as <see cref="WorkerExitCodes"/> (0 flattened, 1 failed, 2 configuration, 3 key held, 4
/// authentication halt). Either way the operator journal records who flattened what, and how it went.
/// </summary>
internal static class FlattenCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The fleet manifest (fleet.toml)." };
        var strategy = new Argument<string>("STRATEGY") { Description = "The strategy to flatten (its flattener process runs)." };
        var common = OperatorCommands.Common.Create();
        var command = new Command("flatten", "Cancel every order of a strategy's subaccount and close its position, with the strategy's flattener key (through the running supervisor when there is one: it halts the trader first).") { file, strategy };
        common.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(environment, parse.GetValue(file)!, parse.GetValue(strategy)!, parse.GetValue(common.Env), parse.GetValue(common.Url), parse.GetValue(common.Token), parse.GetValue(common.Operator), parse.GetValue(common.NoWait), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, FileInfo file, string strategy, string? env, string? url, string? token, string? name, bool noWait, CancellationToken cancellationToken)
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
        if (url is not null || await ServedAsync(manifest, env, cancellationToken).ConfigureAwait(false))
        {
            return await OperatorCommands.SubmitAsync(environment, manifest, env, OperatorActions.Flatten, strategy, url, token, name, noWait, cancellationToken).ConfigureAwait(false);
        }

        var flattener = manifest.Processes.FirstOrDefault(p => p.Role == FleetRole.Flattener && p.Strategy == strategy);
        if (flattener is null)
        {
            await environment.Error.WriteLineAsync(manifest.FindStrategy(strategy) is null
                ? $"bulkhead: the manifest has no strategy '{strategy}' (strategies: {string.Join(", ", manifest.Strategies.Select(s => s.Name))})"
                : $"bulkhead: strategy '{strategy}' has no flattener process: add [processes.{strategy}-flattener] with role = \"flattener\" and strategy = \"{strategy}\"").ConfigureAwait(false);
            return WorkerExitCodes.Configuration;
        }

        using var journal = OpenJournal(environment, manifest);
        var who = string.IsNullOrWhiteSpace(name) ? System.Environment.UserName : name;
        var entry = journal?.Start(OperatorActions.Flatten, strategy, who, $"cli {System.Environment.UserName}@{System.Environment.MachineName} (no supervisor)");
        var code = await WorkerHost.RunProcessAsync(
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
        if (entry is not null)
        {
            journal!.Finish(entry.Id, code == WorkerExitCodes.Stopped ? OperatorActionState.Done : OperatorActionState.Failed,
                code == WorkerExitCodes.Stopped ? $"flattened {strategy} with {flattener.Name} (no supervisor was running it)" : $"{flattener.Name} exited {code}");
        }

        return code;
    }

    /// <summary>Whether a supervisor recorded its address for this fleet and answers there.</summary>
    private static async Task<bool> ServedAsync(FleetManifest manifest, string? env, CancellationToken cancellationToken)
    {
        if (SupervisorAddress.Read(manifest, env ?? manifest.Fleet.DefaultEnvironment) is not { } address)
        {
            return false;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(address.Url, "api/session"), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false; // a record left behind by a supervisor that is gone
        }
    }

    private static OperatorJournal? OpenJournal(CliEnvironment environment, FleetManifest manifest)
    {
        try
        {
            return OperatorJournal.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            environment.Error.WriteLine($"bulkhead flatten: the operator journal cannot be opened ({e.Message}); flattening without journaling the action");
            return null;
        }
    }
}
