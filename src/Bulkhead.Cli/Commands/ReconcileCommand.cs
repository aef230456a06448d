using System.CommandLine;
using System.Text.Json;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reconciliation;
using Bulkhead.Fleet.Sessions;
using Spectre.Console;

namespace Bulkhead.Cli.Commands;

/// <summary><c>bulkhead reconcile FILE</c>: the fill journal against the exchange's trades and ledgers, per account.</summary>
internal static class ReconcileCommand
{
    /// <summary>Exit code when any difference was found (each is listed).</summary>
    public const int Differences = 1;

    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "The fleet manifest, e.g. fleet.toml." };
        var env = new Option<string?>("--env") { Description = "The environment (default: the manifest's default_environment)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command(
            "reconcile",
            "Reconcile the fill journal with the exchange through each account's reconciler key: every missing, extra or mismatched fill, and the P&L check. " +
            "Exit 0 clean, 1 differences, 2 usage or configuration, 3 a reconciler key is held by another process, 4 the exchange or journal could not be read.")
        {
            file, env, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var envName = parse.GetValue(env);
            if (FleetReadSupport.Load(environment, parse.GetValue(file)!, envName) is not { } manifest)
            {
                return ExitCodes.Usage;
            }

            return await RunAsync(manifest, FleetReadSupport.Options(environment, envName), environment.Out, environment.Error, parse.GetValue(json), ct).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Reconciles and prints the result (the demo calls this at the end); returns the exit code.</summary>
    public static Task<int> RunAsync(FleetManifest manifest, ProcessSessionOptions options, TextWriter output, TextWriter error, bool json, CancellationToken cancellationToken)
    {
        var environment = new CliEnvironment { GetVariable = options.GetVariable, Time = options.Time, Out = output, Error = error };
        return FleetReadSupport.GuardAsync(environment, "reconcile", async () =>
        {
            var result = await FleetReconciler.RunAsync(manifest, options, cancellationToken).ConfigureAwait(false);
            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(result, FleetReadSupport.Json)).ConfigureAwait(false);
            }
            else
            {
                Print(output, result);
            }

            return result.IsClean ? ExitCodes.Success : Differences;
        });
    }

    public static void Print(TextWriter output, ReconciliationResult result)
    {
        var console = FleetReadSupport.Console(output);
        var table = new Table().AddColumns("account", "venue", "reconciler", "journal fills", "exchange fills", "journal P&L", "exchange P&L", "differences");
        foreach (var a in result.Accounts)
        {
            table.AddRow(Markup.Escape(a.Account), a.Venue.ToString(), Markup.Escape(a.Process), $"{a.JournalFills}", $"{a.ExchangeFills}",
                FleetReadSupport.BookedUsd(a.JournalPnlUsd), FleetReadSupport.BookedUsd(a.ExchangePnlUsd), a.IsClean ? "none" : $"{a.Differences.Count}");
        }

        console.Write(table);
        foreach (var difference in result.Differences)
        {
            output.WriteLine($"{difference.Kind.ToString().ToLowerInvariant()}: {difference.Message}");
        }

        output.WriteLine(result.IsClean
            ? $"reconciliation clean: {result.Accounts.Sum(a => a.ExchangeFills)} fills in {result.Accounts.Count} accounts; Σ strategies {FleetReadSupport.BookedUsd(result.StrategiesPnlUsd)} USD = consolidated {FleetReadSupport.BookedUsd(result.ConsolidatedPnlUsd)} USD"
            : $"reconciliation found {result.Differences.Count} difference(s)");
    }
}
