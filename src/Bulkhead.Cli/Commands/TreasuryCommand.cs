using System.CommandLine;
using System.Globalization;
using Bulkhead.Fleet.Treasury;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead treasury transfer|sweep|withdraw|resume|journal FILE</c>: moves funds between the master and its
/// subaccounts and out of Kraken with the master's <c>treasury</c> key. Prints the plan; executes only with <c>--yes</c>.
/// Every step is journaled pending before its call and done after; <c>resume</c> (or the same command again) continues
/// an unfinished operation, looking a pending step up in the master's ledger before repeating anything.
/// </summary>
internal static partial class TreasuryCommand
{
    /// <summary>Test hook: after step N is journaled done, print a line and wait (so a test can SIGKILL between steps).</summary>
    public const string PauseAfterStepVariable = "BULKHEAD_TREASURY_PAUSE_AFTER_STEP";

    /// <summary>Test hook: after step N's exchange call returned, before its done is journaled, print a line and wait.</summary>
    public const string PauseAfterCallVariable = "BULKHEAD_TREASURY_PAUSE_AFTER_CALL";

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("treasury", "Move funds: master ↔ subaccounts, sweeps, withdrawals (through the master). Journaled and resumable; executes only with --yes.");
        command.Subcommands.Add(Transfer(environment));
        command.Subcommands.Add(Sweep(environment));
        command.Subcommands.Add(Withdraw(environment));
        command.Subcommands.Add(Resume(environment));
        command.Subcommands.Add(Journal(environment));
        return command;
    }

    private static Command Transfer(CliEnvironment environment)
    {
        var o = new Options();
        var to = new Option<string>("--to") { Description = "The account to move to (the master or a subaccount).", Required = true };
        var asset = new Option<string>("--asset") { Description = "The Spot asset id, e.g. ZUSD.", Required = true };
        var amount = new Option<string>("--amount") { Description = "The amount (a plain decimal, more than zero).", Required = true };
        var command = new Command("transfer", "Move an amount between two accounts of the fleet (subaccount → subaccount goes through the master).") { o.File, o.From, to, asset, amount, o.Env, o.Yes };
        command.SetAction((parse, ct) => Amount(environment, parse.GetValue(amount)!, out var value) is { } bad
            ? Task.FromResult(bad)
            : PlanAndRunAsync(environment, o, parse, TreasuryOperationKind.Transfer, parse.GetValue(to)!, parse.GetValue(asset), value, null, ct));
        return command;
    }

    private static Command Sweep(CliEnvironment environment)
    {
        var o = new Options();
        var asset = new Option<string?>("--asset") { Description = "Sweep only this Spot asset id (default: every asset)." };
        var keep = new Option<string?>("--keep") { Description = "Leave this much of --asset in the subaccount (default 0)." };
        var command = new Command("sweep", "Move everything above --keep from a subaccount to the master.") { o.File, o.From, asset, keep, o.Env, o.Yes };
        command.SetAction((parse, ct) =>
        {
            decimal? keepValue = null;
            if (parse.GetValue(keep) is { } text)
            {
                if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var k))
                {
                    environment.Error.WriteLine($"error: --keep \"{text}\" is not a plain decimal, e.g. --keep 1000");
                    return Task.FromResult(ExitCodes.Usage);
                }

                keepValue = k;
            }

            return PlanAndRunAsync(environment, o, parse, TreasuryOperationKind.Sweep, null, parse.GetValue(asset), null, keepValue, ct);
        });
        return command;
    }

    private static Command Withdraw(CliEnvironment environment)
    {
        var o = new Options();
        var asset = new Option<string>("--asset") { Description = "The Spot asset id, e.g. ZUSD.", Required = true };
        var amount = new Option<string>("--amount") { Description = "The amount (a plain decimal, more than zero).", Required = true };
        var key = new Option<string>("--key") { Description = "The withdrawal key's name, as set up on the master's Kraken account.", Required = true };
        var command = new Command("withdraw", "Withdraw from Kraken: from the master, or from a subaccount as a sweep of the amount to the master followed by the master's withdrawal.") { o.File, o.From, asset, amount, key, o.Env, o.Yes };
        command.SetAction((parse, ct) => Amount(environment, parse.GetValue(amount)!, out var value) is { } bad
            ? Task.FromResult(bad)
            : PlanAndRunAsync(environment, o, parse, TreasuryOperationKind.Withdraw, parse.GetValue(key)!, parse.GetValue(asset), value, null, ct));
        return command;
    }

    private static Command Resume(CliEnvironment environment)
    {
        var file = FileArgument();
        var env = new Option<string?>("--env") { Description = "The manifest environment (default: the manifest's default_environment)." };
        var command = new Command("resume", "Continue every unfinished treasury operation: a pending step is looked up in the master's ledger first and never repeated.") { file, env };
        command.SetAction((parse, ct) => ResumeAsync(environment, parse.GetValue(file)!, parse.GetValue(env), ct));
        return command;
    }

    private static Command Journal(CliEnvironment environment)
    {
        var file = FileArgument();
        var json = new Option<bool>("--json") { Description = "Print the operations and their steps as JSON." };
        var command = new Command("journal", "List the treasury's operations and their steps.") { file, json };
        command.SetAction(parse => ListJournal(environment, parse.GetValue(file)!, parse.GetValue(json)));
        return command;
    }

    private static int? Amount(CliEnvironment environment, string text, out decimal value)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value > 0m)
        {
            return null;
        }

        environment.Error.WriteLine($"error: --amount \"{text}\" must be a plain decimal more than zero, e.g. --amount 250.5");
        return ExitCodes.Usage;
    }

    private static Argument<string> FileArgument() => new("FILE") { Description = "The fleet manifest, e.g. fleet.toml." };

    /// <summary>The options every moving command has.</summary>
    private sealed class Options
    {
        public Argument<string> File { get; } = FileArgument();

        public Option<string> From { get; } = new("--from") { Description = "The account the money leaves (the master or a subaccount).", Required = true };

        public Option<string?> Env { get; } = new("--env") { Description = "The manifest environment (default: the manifest's default_environment)." };

        public Option<bool> Yes { get; } = new("--yes") { Description = "Execute the plan (without it, only print it)." };
    }
}
