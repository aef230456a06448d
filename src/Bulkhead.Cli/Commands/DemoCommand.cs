using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Secrets;
using Bulkhead.Runtime;
using Bulkhead.Runtime.Supervisor;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// <c>bulkhead demo [--duration 60s] [--port 8080] [--data DIR] [--dashboard-bind ADDR] [--dashboard-token TOKEN] [--transport websocket|rest]</c>:
/// the whole fleet on the embedded sandbox with one command. Starts the sandbox in this process (SQLite in DIR/sandbox, market on), writes examples/fleet.toml into DIR
/// pointed at it, provisions it (secrets key file and admin token generated), runs the fleet with the live table and
/// the dashboard on 127.0.0.1:PORT (printed as <c>dashboard: http://127.0.0.1:PORT/</c>), and after <c>--duration</c> (or Ctrl-C) stops it, prints the report, the
/// reconciliation and the sandbox's checks. Exit 0 only if reconciliation is clean, the ledger conserves, at least three
/// strategies traded and no nonce error reached the exchange; 1 otherwise; 2 usage.
/// </summary>
internal static class DemoCommand
{
    private const string ExampleResource = "Bulkhead.Cli.examples.fleet.toml";
    private const string ExampleUrl = "http://127.0.0.1:8787";

    public static Command Create(CliEnvironment environment)
    {
        var duration = new Option<string?>("--duration") { Description = "Stop after this long (e.g. 60s, 5m); default: run until Ctrl-C." };
        var port = new Option<int>("--port") { Description = "The dashboard's port (the page, its JSON API and /api/status; 0: any free port).", DefaultValueFactory = _ => 8080 };
        var bind = DashboardSettings.BindOption();
        var token = DashboardSettings.TokenOption();
        var operatorToken = DashboardSettings.OperatorTokenOption();
        var data = new Option<string?>("--data") { Description = "The demo's folder (default: a new one under BULKHEAD_HOME/demo or ~/.bulkhead/demo)." };
        var transport = new Option<string>("--transport") { Description = "How the traders and flatteners talk to the exchange: websocket (default: Spot v2 and the Unified WebSocket) or rest (polling; the derivatives keys become Futures keys).", DefaultValueFactory = _ => "websocket" };
        transport.AcceptOnlyFromAmong("websocket", "rest");
        var command = new Command("demo", "Run the example fleet on the embedded sandbox: provision, trade, stop, then report, reconcile and check the sandbox's ledger. Exit 0 only if everything checks out.")
        {
            duration, port, data, bind, token, operatorToken, transport,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryParseDuration(parse.GetValue(duration), out var length))
            {
                await environment.Error.WriteLineAsync($"bulkhead demo: --duration {parse.GetValue(duration)} is not a duration: write e.g. 60s, 5m or 1h").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (parse.GetValue(port) is < 0 or > 65535)
            {
                await environment.Error.WriteLineAsync($"bulkhead demo: --port {parse.GetValue(port)} must be between 0 and 65535").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (DashboardSettings.From(environment, "demo", parse.GetValue(bind), parse.GetValue(token), parse.GetValue(operatorToken)) is not { } dashboard)
            {
                return ExitCodes.Usage;
            }

            using var signals = new StopSignals(ct);
            return await RunAsync(environment, length, parse.GetValue(port), dashboard, parse.GetValue(data), parse.GetValue(transport) == "rest", signals).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Parses the <c>--duration</c> text (<see cref="DurationText"/>); null or empty means no limit.</summary>
    public static bool TryParseDuration(string? text, out TimeSpan? duration)
    {
        duration = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DurationText.TryParse(text, out var parsed))
        {
            duration = parsed;
            return true;
        }

        return false;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, TimeSpan? duration, int port, DashboardSettings dashboard, string? data, bool rest, StopSignals signals)
    {
        var folder = Path.GetFullPath(data ?? Path.Combine(environment.DataFolder(null), "demo", environment.Time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        Directory.CreateDirectory(folder);
        var token = environment.GetVariable(SandboxProvisionCommand.AdminTokenVariable) is { Length: > 0 } given ? given : Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [SandboxProvisionCommand.AdminTokenVariable] = token,
            [SecretsKey.Variable] = null, // the demo's own key file in its folder, not a key from the caller's environment
        };
        var demo = new CliEnvironment
        {
            GetVariable = name => variables.TryGetValue(name, out var value) ? value : environment.GetVariable(name),
            Time = environment.Time,
            Out = environment.Out,
            Error = environment.Error,
            OutputIsTerminal = environment.OutputIsTerminal,
        };
        await environment.Out.WriteLineAsync($"demo folder: {folder}").ConfigureAwait(false);
        var app = await StartSandboxAsync(environment, folder, token).ConfigureAwait(false);
        if (app is null)
        {
            return ExitCodes.CallFailed;
        }

        await using (app.ConfigureAwait(false))
        {
            var url = app.BoundUrls()[0].TrimEnd('/');
            await environment.Out.WriteLineAsync($"sandbox: {url} (in this process; SQLite in {Path.Combine(folder, "sandbox")}, market on)").ConfigureAwait(false);
            var manifestPath = Path.Combine(folder, "fleet.toml");
            var example = (await ExampleAsync().ConfigureAwait(false)).Replace(ExampleUrl, url, StringComparison.Ordinal);
            if (DemoDeskStrategy.Find(demo, out var notBuilt) is { } desk)
            {
                example = await DemoDeskStrategy.AppendAsync(example, desk).ConfigureAwait(false);
                await environment.Out.WriteLineAsync($"desk strategy: twap runs Desk.Strategies.TouchTwap from {desk} (the desk's own assembly, built against the packed SDK)").ConfigureAwait(false);
            }
            else
            {
                await environment.Out.WriteLineAsync($"desk strategy: none — {notBuilt}").ConfigureAwait(false);
            }

            await File.WriteAllTextAsync(manifestPath, rest ? OnRest(example) : example, CancellationToken.None).ConfigureAwait(false);
            var provisioned = await SandboxProvisionCommand.RunAsync(demo, manifestPath, null, recreate: false, signals.Token).ConfigureAwait(false);
            if (provisioned != ExitCodes.Success || FleetReadSupport.Load(demo, manifestPath, null) is not { } manifest)
            {
                await environment.Error.WriteLineAsync("bulkhead demo: provisioning the sandbox failed (see above)").ConfigureAwait(false);
                return ExitCodes.CallFailed;
            }

            if (dashboard.OperatorToken is null)
            {
                // The demo's operator acts from the page or the CLI with a token of its own, kept in its folder (0600).
                var generated = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
                OperatorTokenFile.Write(Path.Combine(folder, OperatorTokenFile.Name), generated);
                dashboard = dashboard with { OperatorToken = generated };
                await environment.Out.WriteLineAsync($"operator token: {Path.Combine(folder, OperatorTokenFile.Name)} (open the dashboard once as /?token=THAT-TOKEN to act from the page; bulkhead halt|resume|flatten|restart|kill {manifestPath} … read it from there)").ConfigureAwait(false);
            }

            if (duration is { } d)
            {
                signals.StopAfter(d, environment.Time);
                await environment.Out.WriteLineAsync($"running for {d.TotalSeconds:0.#} s").ConfigureAwait(false);
            }

            FleetSupervisor? supervisor = null;
            var children = new Dictionary<string, string?>(StringComparer.Ordinal) { [SecretsKey.Variable] = null, [SandboxProvisionCommand.AdminTokenVariable] = null };
            var started = environment.Time.GetTimestamp();
            var ran = await RunCommand.RunAsync(demo, manifest, new RunSettings(null, null, port, children, s => supervisor = s) { Dashboard = dashboard, Rehearse = false }, signals).ConfigureAwait(false);
            if (ran == ExitCodes.Usage || supervisor is null)
            {
                return ran;
            }

            using var checks = new CancellationTokenSource(TimeSpan.FromMinutes(2), environment.Time);
            var calls = (FleetJournal.Folder(demo, manifest.BaseDirectory) ?? Path.Combine(manifest.BaseDirectory, "journal"), environment.Time.GetElapsedTime(started));
            var verdict = await DemoChecks.RunAsync(demo, manifest, app, supervisor.Snapshot(), token, calls, checks.Token).ConfigureAwait(false);
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await environment.Out.WriteLineAsync($"demo folder kept: {folder}").ConfigureAwait(false);
            return verdict ? ExitCodes.Success : ExitCodes.CallFailed;
        }
    }

    private static async Task<WebApplication?> StartSandboxAsync(CliEnvironment environment, string folder, string token)
    {
        foreach (var listen in (string[])[ExampleUrl, "http://127.0.0.1:0"])
        {
            var app = SandboxHost.Build(
                new SandboxOptions { DataFolder = Path.Combine(folder, "sandbox"), AdminToken = token, Market = new MarketOptions { Enabled = true } },
                listen,
                environment.Time,
                logging: l => l.SetMinimumLevel(LogLevel.Error).AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace));
            try
            {
                await app.StartAsync(CancellationToken.None).ConfigureAwait(false);
                return app;
            }
            catch (IOException e)
            {
                await app.DisposeAsync().ConfigureAwait(false);
                await environment.Error.WriteLineAsync($"bulkhead demo: {listen} is taken ({e.Message}); trying a free port").ConfigureAwait(false);
            }
        }

        await environment.Error.WriteLineAsync("bulkhead demo: cannot start the sandbox on 127.0.0.1").ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// The example fleet polling REST: every trader and flattener with <c>transport = "rest"</c>, and the derivatives
    /// subaccount's trading keys Futures keys again (a Kraken API key reaches a derivatives account only over the Unified
    /// WebSocket). What <c>--transport rest</c> runs, to compare the two.
    /// </summary>
    internal static string OnRest(string example)
    {
        var text = example
            .Replace("role = \"trader\"\n", "role = \"trader\"\ntransport = \"rest\"\n", StringComparison.Ordinal)
            .Replace("role = \"flattener\"\n", "role = \"flattener\"\ntransport = \"rest\"\n", StringComparison.Ordinal);
        foreach (var key in (string[])["hedge-trader", "hedge-flattener"])
        {
            var table = $"[keys.{key}]\naccount = \"hedge\"\nvenue = \"spot\"";
            var at = text.IndexOf(table, StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = text.IndexOf('\n', at + table.Length);
                text = string.Concat(text.AsSpan(0, at), $"[keys.{key}]\naccount = \"hedge\"\nvenue = \"futures\"", text.AsSpan(end));
            }
        }

        return text;
    }

    private static async Task<string> ExampleAsync()
    {
        await using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream(ExampleResource)
            ?? throw new InvalidOperationException($"the CLI was built without its embedded {ExampleResource}");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
