using System.CommandLine;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// The fleet path of <c>bulkhead api</c>: the manifest's process → its key → its secret → the key's lease (refused at once,
/// naming the holder, when another process holds it) → a nonce source over the lease's mark and the account's rate
/// limiters over the coordination store, shared by every process on that account.
/// </summary>
internal static class FleetKeys
{
    /// <summary>Opens the process's key; returns 0, or the exit code with <paramref name="problem"/>.</summary>
    public static int Open(CliEnvironment environment, FleetOptions options, ParseResult parse, Venue venue, bool needsKey, out KeyContext? context, out Uri? baseUrl, out string? problem)
    {
        context = null;
        baseUrl = null;
        var file = parse.GetValue(options.Fleet)!;
        var processName = parse.GetValue(options.Process);
        if (string.IsNullOrWhiteSpace(processName))
        {
            problem = "--fleet needs --process NAME: the manifest's process to run as";
            return ExitCodes.Usage;
        }

        if (!options.TryGetLeaseTtl(parse, out var ttl, out problem))
        {
            return ExitCodes.Usage;
        }

        var loaded = ManifestLoader.Load(file.FullName);
        if (!loaded.IsValid)
        {
            problem = $"{file.FullName} is not a valid fleet manifest:{Environment.NewLine}" + string.Join(Environment.NewLine, loaded.Problems);
            return ExitCodes.Usage;
        }

        var manifest = loaded.Manifest;
        var process = manifest.FindProcess(processName);
        var key = process?.Key is { } keyName ? manifest.FindKey(keyName) : null;
        var envName = parse.GetValue(options.Env) ?? manifest.Fleet.DefaultEnvironment;
        var fleetEnvironment = manifest.FindEnvironment(envName);
        problem = process is null ? $"the manifest has no process '{processName}'"
            : key is null ? $"process '{processName}' has no key in the manifest"
            : fleetEnvironment is null ? $"the manifest has no environment '{envName}'"
            : key.Venue != venue ? $"key '{key.Name}' of process '{processName}' is a {key.Venue} key; use bulkhead api {key.Venue.ToString().ToLowerInvariant()}"
            : !key.IsIn(envName) ? $"key '{key.Name}' is not declared for environment '{envName}'"
            : null;
        if (problem is not null)
        {
            return ExitCodes.Usage;
        }

        baseUrl = venue == Venue.Spot ? fleetEnvironment!.SpotUrl : fleetEnvironment!.FuturesUrl;
        if (!needsKey)
        {
            context = KeyContext.Empty();
            return ExitCodes.Success;
        }

        try
        {
            var session = ProcessSession.Open(manifest, processName, new ProcessSessionOptions
            {
                Time = environment.Time,
                GetVariable = environment.GetVariable,
                Environment = envName,
                Tier = parse.GetValue(options.Tier),
                LeaseTtl = ttl,
            });
            session.LeaseLostReported += (_, why) => environment.Error.WriteLine($"bulkhead: {why}");
            context = new KeyContext(session.KrakenKey, session)
            {
                SpotLimiters = session.SpotLimiters,
                FuturesLimiters = session.FuturesLimiters,
                LeaseLost = session.LeaseLost,
            };
            problem = null;
            return ExitCodes.Success;
        }
        catch (ProcessSessionException ex)
        {
            problem = ex.Message;
            return ex.Failure switch
            {
                ProcessSessionFailure.KeyUnavailable => ExitCodes.KeyUnavailable,
                ProcessSessionFailure.StoreUnavailable => ExitCodes.CallFailed,
                _ => ExitCodes.Usage,
            };
        }
    }
}
