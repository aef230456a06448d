using System.CommandLine;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Runtime;
using Bulkhead.Runtime.Gateway;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead gateway FILE --process NAME [--port P] [--env E] [--credential-file PATH] [--in-flight N]</c>: a loopback
/// Kraken endpoint (Spot and Futures REST) for one manifest process, holding its key's lease until stopped. A fresh local
/// credential is written 0600 for the bot. Exit codes: 0 stopped, 1 the lease was lost or the store is unreachable, 2 a
/// bad command line or manifest, 3 another process holds the key (named).
/// </summary>
internal static class GatewayCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The fleet manifest (fleet.toml)." };
        var process = new Option<string>("--process") { Description = "The manifest's process whose key the gateway holds.", Required = true };
        var port = new Option<int>("--port") { Description = "The loopback port (0: any free port; the address is printed).", DefaultValueFactory = _ => 0 };
        var env = new Option<string?>("--env") { Description = "The manifest's environment (default: its default_environment)." };
        var credentialFile = new Option<string?>("--credential-file") { Description = "Where to write the bot's local credential {\"key\",\"secret\"} (default: DATA/gateway/PROCESS.json)." };
        var inFlight = new Option<int>("--in-flight") { Description = "Private calls sent to the exchange at once (raise only for a key with a nonce window).", DefaultValueFactory = _ => 1 };
        var data = new Option<string?>("--data") { Description = "The data folder (default: BULKHEAD_HOME, else ~/.bulkhead)." };
        var command = new Command("gateway", "Serve Kraken's REST API on loopback for one manifest process, so an unmodified bot trades under its key's lease, nonces, rate budgets and lockout guard.")
        {
            file, process, port, env, credentialFile, inFlight, data,
        };
        command.SetAction((parse, ct) => RunAsync(
            environment,
            parse.GetValue(file)!,
            parse.GetValue(process)!,
            parse.GetValue(env),
            parse.GetValue(port),
            parse.GetValue(credentialFile),
            parse.GetValue(inFlight),
            environment.DataFolder(parse.GetValue(data)),
            ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, FileInfo file, string processName, string? env, int port, string? credentialPath, int inFlight, string dataFolder, CancellationToken cancellationToken)
    {
        if (port is < 0 or > 65535 || inFlight < 1)
        {
            return Fail(environment, ExitCodes.Usage, port is < 0 or > 65535 ? $"--port {port} is not a port" : $"--in-flight {inFlight} must be 1 or more");
        }

        var loaded = ManifestLoader.Load(file.FullName);
        if (!loaded.IsValid)
        {
            return Fail(environment, ExitCodes.Usage, $"{file.FullName} is not a valid fleet manifest:{Environment.NewLine}" + string.Join(Environment.NewLine, loaded.Problems));
        }

        var manifest = loaded.Manifest;
        var credential = LocalCredential.Create();
        var path = credentialPath ?? Path.Combine(dataFolder, "gateway", processName + ".json");
        using var journal = FleetJournal.Folder(environment, file.Directory?.FullName) is { } folder ? new Fleet.Journal.CallJournalWriter(folder, processName) : null;
        GatewayHost gateway;
        try
        {
            gateway = await GatewayHost.StartAsync(
                new GatewayOptions
                {
                    Manifest = manifest,
                    ProcessName = processName,
                    Environment = env,
                    Port = port,
                    Credential = credential,
                    Time = environment.Time,
                    GetVariable = environment.GetVariable,
                    Journal = journal,
                    MaxPrivateInFlight = inFlight,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessSessionException ex)
        {
            return Fail(environment, ex.Failure switch
            {
                ProcessSessionFailure.KeyUnavailable => ExitCodes.KeyUnavailable,
                ProcessSessionFailure.StoreUnavailable => ExitCodes.CallFailed,
                _ => ExitCodes.Usage,
            }, ex.Message);
        }
        catch (IOException ex)
        {
            return Fail(environment, ExitCodes.Usage, $"cannot listen on 127.0.0.1:{port} ({ex.Message})");
        }

        await using (gateway.ConfigureAwait(false))
        {
            try
            {
                credential.WriteFile(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Fail(environment, ExitCodes.Usage, $"cannot write the local credential to {path} ({ex.GetType().Name})");
            }

            var session = gateway.Session;
            var lost = false;
            session.LeaseLostReported += (_, why) =>
            {
                lost = true;
                environment.Error.WriteLine($"bulkhead: {why}");
            };
            environment.Out.WriteLine($"gateway: {gateway.Url}");
            environment.Out.WriteLine($"process: {session.Process.Name} ({session.Process.Role.ToString().ToLowerInvariant()}), key {session.Key.Name} ({session.Key.Venue.ToString().ToLowerInvariant()}) on {session.Account}, lease held by {session.Lease.Holder}");
            environment.Out.WriteLine($"credential: {Path.GetFullPath(path)} (mode 0600; key {credential.Credentials.MaskedKey})");
            environment.Out.Flush();

            using var stop = new StopSignals(cancellationToken);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, gateway.LeaseLost);
            try
            {
                await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopped (signal) or the lease was lost
            }

            environment.Out.WriteLine($"gateway stopped: {gateway.Relayed} relayed, {gateway.Refused} answered locally");
            TryDelete(path);
            return lost ? ExitCodes.CallFailed : ExitCodes.Success;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // the credential is worthless once the gateway is gone
        }
    }

    private static int Fail(CliEnvironment environment, int code, string message)
    {
        environment.Error.WriteLine($"bulkhead gateway: {message}");
        return code;
    }
}
