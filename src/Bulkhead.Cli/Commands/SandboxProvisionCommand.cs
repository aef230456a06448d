using System.CommandLine;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Provisioning;
using Bulkhead.Fleet.Secrets;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead sandbox provision fleet.toml [--env NAME] [--recreate]</c>: makes a sandbox or UAT environment match the
/// manifest through the admin API and stores every new secret in the fleet's secrets file. Prints what it did, never a secret.
/// Exit 0 done, 1 the sandbox refused or drift was found, 2 invalid manifest, environment, token or secrets key.
/// </summary>
internal static class SandboxProvisionCommand
{
    public const string AdminTokenVariable = "BULKHEAD_ADMIN_TOKEN";

    public static Command Create(CliEnvironment environment)
    {
        var manifestPath = new Argument<string>("MANIFEST") { Description = "The fleet manifest (fleet.toml)." };
        var env = new Option<string?>("--env") { Description = "The environment to provision (default: [fleet] default_environment); sandbox or uat only." };
        var recreate = new Option<bool>("--recreate") { Description = "Replace keys that differ from the manifest (new key, secret rotated in the store, old key revoked)." };
        var command = new Command("provision", "Create the manifest's accounts, keys and funding on a sandbox through its admin API; store each new secret in the secrets file. Idempotent.")
        {
            manifestPath, env, recreate,
        };
        command.SetAction((parse, ct) => RunAsync(environment, parse.GetValue(manifestPath)!, parse.GetValue(env), parse.GetValue(recreate), ct));
        return command;
    }

    /// <summary>Provisions the manifest at <paramref name="path"/> (the demo calls this too); returns the exit code.</summary>
    internal static async Task<int> RunAsync(CliEnvironment environment, string path, string? envName, bool recreate, CancellationToken cancellationToken)
    {
        var loaded = ManifestLoader.Load(path);
        if (!loaded.IsValid)
        {
            foreach (var p in loaded.Problems)
            {
                await environment.Error.WriteLineAsync(p.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        var manifest = loaded.Manifest;
        envName ??= manifest.Fleet.DefaultEnvironment;
        var target = manifest.FindEnvironment(envName);
        if (target is null)
        {
            return Fail(environment, ExitCodes.Usage, $"the manifest has no environment '{envName}'; it has {string.Join(", ", manifest.Environments.Select(e => e.Name))}");
        }

        if (target.Kind == EnvironmentKind.Production || target.AdminUrl is null)
        {
            return Fail(environment, ExitCodes.Usage, target.Kind == EnvironmentKind.Production
                ? $"environment '{envName}' is production: Kraken keys cannot be created by API; bulkhead plan {path} --env {envName} prints the checklist"
                : $"environment '{envName}' has no admin_url: set it to the sandbox's URL");
        }

        var resolver = SecretResolver.ForManifest(manifest, environment.GetVariable);
        var secretsPath = SecretResolver.SecretsPath(manifest);
        try
        {
            var token = AdminToken(manifest, target, environment.GetVariable);
            if (string.IsNullOrWhiteSpace(token))
            {
                return Fail(environment, ExitCodes.Usage, $"no admin token: set admin_token = \"env:{AdminTokenVariable}\" in [environments.{envName}] and export {AdminTokenVariable}");
            }

            var key = SecretsKey.Resolve(environment.GetVariable, SecretsKey.DefaultKeyFile(secretsPath), createKeyFile: true, out var created);
            if (created)
            {
                await environment.Error.WriteLineAsync($"bulkhead: created the secrets key file {SecretsKey.DefaultKeyFile(secretsPath)} (mode 0600); back it up: without it {secretsPath} cannot be read").ConfigureAwait(false);
            }

            using var secrets = await SecretsFile.OpenForUpdateAsync(secretsPath, key, environment.Time, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var provisioner = new SandboxProvisioner(manifest, target, new Fleet.Provisioning.SandboxAdminClient(http, target.AdminUrl, token), secrets, environment.Time) { Recreate = recreate };
            var report = await provisioner.RunAsync(cancellationToken).ConfigureAwait(false);
            await environment.Out.WriteLineAsync($"provisioned {manifest.Fleet.Name} on {envName} ({target.AdminUrl}); secrets in {report.SecretsFile}").ConfigureAwait(false);
            var width = report.Steps.Max(s => s.Subject.Length);
            foreach (var step in report.Steps)
            {
                await environment.Out.WriteLineAsync($"{step.Action.ToString().ToLowerInvariant(),-9} {step.Subject.PadRight(width)}  {step.Detail}").ConfigureAwait(false);
            }

            await environment.Out.WriteLineAsync($"{report.Changes} changes").ConfigureAwait(false);
            if (report.HasDrift)
            {
                await environment.Error.WriteLineAsync("bulkhead: some keys differ from the manifest (see 'drifted'); rerun with --recreate to replace them").ConfigureAwait(false);
                return ExitCodes.CallFailed;
            }

            return ExitCodes.Success;
        }
        catch (SecretsException e)
        {
            return Fail(environment, ExitCodes.Usage, e.Message);
        }
        catch (SandboxAdminException e)
        {
            return Fail(environment, ExitCodes.CallFailed, e.Message);
        }
        catch (ProvisioningException e)
        {
            return Fail(environment, ExitCodes.CallFailed, e.Message);
        }
    }

    /// <summary>An environment's sandbox admin token: its <c>admin_token</c> secret reference, else <c>BULKHEAD_ADMIN_TOKEN</c> (null: neither).</summary>
    internal static string? AdminToken(FleetManifest manifest, FleetEnvironment target, Func<string, string?> getVariable) =>
        target.AdminToken is { } reference ? SecretResolver.ForManifest(manifest, getVariable).ResolveValue(reference) : getVariable(AdminTokenVariable);

    private static int Fail(CliEnvironment environment, int code, string problem)
    {
        environment.Error.WriteLine($"bulkhead: {problem}");
        return code;
    }
}
