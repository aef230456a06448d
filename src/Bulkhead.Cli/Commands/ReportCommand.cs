using System.CommandLine;
using System.Text.Json;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Fleet.Sessions;
using static Bulkhead.Cli.Commands.FleetReadSupport;

namespace Bulkhead.Cli.Commands;

/// <summary><c>bulkhead report balances|pnl|fees|risk FILE</c>: the fleet's balances, P&amp;L, fee tier and Futures risk.</summary>
internal static class ReportCommand
{
    /// <summary>The report's views.</summary>
    public static readonly string[] Views = ["balances", "pnl", "fees", "risk"];

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("report", "Report the fleet per subaccount and consolidated, read through each account's reconciler key. Exit 0, 2 usage, 3 a reconciler key is held, 4 read failed.");
        foreach (var view in Views)
        {
            command.Subcommands.Add(View(environment, view));
        }

        return command;
    }

    /// <summary>Builds the report and prints one view of it (the demo calls this); returns the exit code.</summary>
    public static Task<int> RunAsync(FleetManifest manifest, ProcessSessionOptions options, string view, TextWriter output, TextWriter error, bool json, string? plot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var environment = new CliEnvironment { GetVariable = options.GetVariable, Time = options.Time, Out = output, Error = error };
        return GuardAsync(environment, "report", async () =>
        {
            var report = await FleetReporter.RunAsync(manifest, options, cancellationToken).ConfigureAwait(false);
            if (plot is not null)
            {
                using var journal = FillJournal.Open(manifest.Fleet.Journal, manifest.BaseDirectory, options.Time);
                var drawn = EquityPlot.WritePng(journal.Equity(), plot, $"{manifest.Fleet.Name}: strategy P&L (USD)");
                await error.WriteLineAsync($"bulkhead: wrote {Path.GetFullPath(plot)} ({drawn} strateg{(drawn == 1 ? "y" : "ies")})").ConfigureAwait(false);
            }

            if (json)
            {
                object section = view switch
                {
                    "balances" => new { report.Time, report.Environment, report.Marks, report.Accounts, report.Consolidated },
                    "pnl" => new { report.Time, report.Environment, report.Marks, report.Strategies, report.Accounts, report.Consolidated },
                    "fees" => new { report.Time, report.Environment, report.Fees, report.Consolidated.VolumeUsd },
                    _ => new { report.Time, report.Environment, report.Marks, report.Risk },
                };
                await output.WriteLineAsync(JsonSerializer.Serialize(section, Json)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            ReportTables.Print(Console(output), output, report, view);
            return ExitCodes.Success;
        });
    }

    private static Command View(CliEnvironment environment, string view)
    {
        var file = new Argument<string>("FILE") { Description = "The fleet manifest, e.g. fleet.toml." };
        var env = new Option<string?>("--env") { Description = "The environment (default: the manifest's default_environment)." };
        var json = new Option<bool>("--json") { Description = "Print this view of the report as JSON." };
        var plot = new Option<string?>("--plot") { Description = "Also write each strategy's P&L over time (the journal's equity points) to this PNG file." };
        var description = view switch
        {
            "balances" => "Balances per account valued in USD at the marks, and the consolidated equity.",
            "pnl" => "Realised and unrealised P&L per strategy (fill journal, average cost) and per account (exchange), consolidated.",
            "fees" => "The consolidated 30-day volume, the current fee tier and the volume to the next tier (the master's TradeVolume).",
            _ => "Futures margin level and distance to liquidation per Futures subaccount.",
        };
        var command = new Command(view, description) { file, env, json, plot };
        command.SetAction(async (parse, ct) =>
        {
            var envName = parse.GetValue(env);
            if (Load(environment, parse.GetValue(file)!, envName) is not { } manifest)
            {
                return ExitCodes.Usage;
            }

            if (parse.GetValue(plot) is { } path && !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                await environment.Error.WriteLineAsync($"error: --plot \"{path}\" must name a .png file — fix: e.g. --plot equity.png").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            return await RunAsync(manifest, Options(environment, envName), view, environment.Out, environment.Error, parse.GetValue(json), parse.GetValue(plot), ct).ConfigureAwait(false);
        });
        return command;
    }
}
