using System.CommandLine;

namespace Bulkhead.Cli.Commands;

/// <summary>The root <c>bulkhead</c> command.</summary>
internal static class BulkheadCommand
{
    public static RootCommand Create(CliEnvironment environment)
    {
        var root = new RootCommand("Bulkhead: run many Kraken strategies, one API key per process, one subaccount per strategy.");
        root.Subcommands.Add(ApiCommand.Create(environment));
        root.Subcommands.Add(SandboxCommand.Create(environment));
        root.Subcommands.Add(SecretsCommand.Create(environment));
        root.Subcommands.Add(FleetCommands.CreateAudit(environment));
        root.Subcommands.Add(FleetCommands.CreatePlan(environment));
        root.Subcommands.Add(WorkerCommand.Create(environment));
        root.Subcommands.Add(GatewayCommand.Create(environment));
        root.Subcommands.Add(ReportCommand.Create(environment));
        root.Subcommands.Add(ReconcileCommand.Create(environment));
        root.Subcommands.Add(RunCommand.Create(environment));
        root.Subcommands.Add(DemoCommand.Create(environment));
        root.Subcommands.Add(TreasuryCommand.Create(environment));
        root.Subcommands.Add(FlattenCommand.Create(environment));
        root.Subcommands.Add(KeysCommand.Create(environment));
        root.Subcommands.Add(OperatorCommands.CreateHalt(environment));
        root.Subcommands.Add(OperatorCommands.CreateResume(environment));
        root.Subcommands.Add(OperatorCommands.CreateRestart(environment));
        root.Subcommands.Add(OperatorCommands.CreateKill(environment));
        return root;
    }
}
