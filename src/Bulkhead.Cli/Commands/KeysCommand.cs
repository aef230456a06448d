using System.CommandLine;
using System.Globalization;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Sessions;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead keys halts|clear-halt</c>: the lockout guards' records in the fleet's coordination store. A halted key stays
/// halted across restarts of its process (and across one-shot <c>bulkhead api --fleet</c> runs) until an operator clears it.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var keys = new Command("keys", "The fleet's keys' lockout guards: list halts, clear one after fixing its cause.");
        keys.Subcommands.Add(Halts(environment));
        keys.Subcommands.Add(ClearHalt(environment));
        return keys;
    }

    private static Command Halts(CliEnvironment environment)
    {
        var file = new Argument<string>("MANIFEST") { Description = "The fleet manifest, e.g. fleet.toml." };
        var env = new Option<string?>("--env") { Description = "The environment (default: the manifest's default environment)." };
        var command = new Command("halts", "List every key's guard: halted or not, why, recent authentication failures and the last clear. Exit 0 none halted, 1 some halted, 2 usage.") { file, env };
        command.SetAction(parse =>
        {
            if (Open(environment, parse.GetValue(file)!, parse.GetValue(env), out var manifest, out var envName) is not { } store)
            {
                return ExitCodes.Usage;
            }

            using (store)
            {
                var views = KeyHalts.List(manifest!, envName!, store, environment.Time);
                foreach (var v in views)
                {
                    var state = v.Halted ? $"HALTED{(v.HaltedUntil is { } until ? " until " + until.ToString("O", CultureInfo.InvariantCulture) : " until cleared")}: {v.Reason}" : "ok";
                    var cleared = v.LastClear is { } c ? $"; last cleared {c.At.ToString("O", CultureInfo.InvariantCulture)} by {c.By}" : string.Empty;
                    environment.Out.WriteLine($"{v.Key}: {state} (recent auth failures {v.RecentFailures}{cleared})");
                }

                return views.Any(v => v.Halted) ? 1 : ExitCodes.Success;
            }
        });
        return command;
    }

    private static Command ClearHalt(CliEnvironment environment)
    {
        var file = new Argument<string>("MANIFEST") { Description = "The fleet manifest, e.g. fleet.toml." };
        var key = new Argument<string>("KEY") { Description = "The manifest's key name." };
        var env = new Option<string?>("--env") { Description = "The environment (default: the manifest's default environment)." };
        var by = new Option<string?>("--by") { Description = "Who clears it, for the record (default: $USER)." };
        var command = new Command("clear-halt", "Clear a key's lockout guard (its halt and failure count) after fixing the cause; recorded with who and when.") { file, key, env, by };
        command.SetAction(parse =>
        {
            if (Open(environment, parse.GetValue(file)!, parse.GetValue(env), out var manifest, out var envName) is not { } store)
            {
                return ExitCodes.Usage;
            }

            using (store)
            {
                var who = parse.GetValue(by) is { Length: > 0 } given ? given : environment.GetVariable("USER") is { Length: > 0 } user ? user : "operator";
                try
                {
                    var before = KeyHalts.Clear(manifest!, envName!, parse.GetValue(key)!, who, store, environment.Time);
                    environment.Out.WriteLine(before.Halted
                        ? $"{parse.GetValue(key)}: halt cleared by {who} (it was: {before.Reason}); its process may be started again"
                        : $"{parse.GetValue(key)}: was not halted; failure count cleared by {who}");
                    return ExitCodes.Success;
                }
                catch (ArgumentException ex)
                {
                    environment.Error.WriteLine($"error: {ex.Message.Split(" (Parameter", 2)[0]}");
                    return ExitCodes.Usage;
                }
            }
        });
        return command;
    }

    private static ICoordinationStore? Open(CliEnvironment environment, string file, string? env, out Fleet.Manifest.FleetManifest? manifest, out string? envName)
    {
        envName = null;
        manifest = FleetReadSupport.Load(environment, file, null);
        if (manifest is null)
        {
            return null;
        }

        envName = env ?? manifest.Fleet.DefaultEnvironment;
        if (manifest.FindEnvironment(envName) is null)
        {
            environment.Error.WriteLine($"{manifest.SourceFile}: error: no environment \"{envName}\" — fix: use one of {string.Join(", ", manifest.Environments.Select(e => e.Name))}");
            return null;
        }

        return CoordinationStore.Open(manifest.Fleet.Coordination, environment.Time, manifest.BaseDirectory);
    }
}
