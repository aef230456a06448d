using System.CommandLine;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Api.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Cli.Commands;

/// <summary><c>bulkhead sandbox serve</c>: runs the Kraken-compatible sandbox until Ctrl-C or SIGTERM.</summary>
internal static class SandboxServeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var port = new Option<int>("--port") { Description = "TCP port (0: any free port).", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var data = new Option<string?>("--data") { Description = "Data folder for sandbox.db and admin.token (default: BULKHEAD_HOME/sandbox or ~/.bulkhead/sandbox)." };
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep everything in memory; nothing survives a restart." };
        var token = new Option<string?>("--admin-token") { Description = "Bearer token for /admin/ (default: DATA/admin.token, generated on first start)." };
        var fullSync = new Option<bool>("--full-sync") { Description = "SQLite synchronous=FULL instead of NORMAL: acknowledged operations also survive a power loss (one fsync per commit, slower)." };
        var noMarket = new Option<bool>("--no-market") { Description = "Do not run the simulated market (no liquidity provider, noise takers or moving prices): books stay empty until users trade." };
        var seed = new Option<long>("--seed") { Description = "Seed of the simulated market's price paths and noise (the same seed gives the same market).", DefaultValueFactory = _ => 1 };
        var command = new Command("serve", "Run the sandbox exchange: Spot, Futures and the admin API on one port.") { port, host, data, inMemory, token, fullSync, noMarket, seed };
        command.SetAction((parse, ct) => RunAsync(environment, new ServeSettings(parse.GetValue(port), parse.GetValue(host)!, parse.GetValue(data), parse.GetValue(inMemory), parse.GetValue(token), parse.GetValue(fullSync), !parse.GetValue(noMarket), parse.GetValue(seed)), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment environment, ServeSettings settings, CancellationToken cancellationToken)
    {
        var (port, host, data, inMemory, token, sync, market, seed) = settings;
        if (inMemory && data is not null)
        {
            return Fail(environment, ExitCodes.Usage, "--data and --in-memory exclude each other: choose one");
        }

        if (port is < 0 or > 65535)
        {
            return Fail(environment, ExitCodes.Usage, $"--port {port} must be between 0 and 65535");
        }

        var options = new SandboxOptions
        {
            InMemory = inMemory,
            DataFolder = inMemory ? null : data ?? Path.Combine(environment.DataFolder(null), "sandbox"),
            AdminToken = token,
            SyncEveryCommit = sync,
            Market = new Bulkhead.Sandbox.Market.MarketOptions { Enabled = market, Seed = seed },
        };
        var listen = host.Contains(':', StringComparison.Ordinal) ? $"http://[{host}]:{port}" : $"http://{host}:{port}";
        WebApplication app;
        try
        {
            app = SandboxHost.Build(options, listen, environment.Time, logging: l => l
                .SetMinimumLevel(LogLevel.Warning)
                .AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Fail(environment, ExitCodes.CallFailed, $"cannot open the sandbox's data: {e.Message}");
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                return Fail(environment, ExitCodes.CallFailed, $"cannot listen on {listen}: {e.Message}");
            }

            var url = app.BoundUrls()[0].TrimEnd('/');
            var adminToken = app.GetAdminToken();
            var output = environment.Out;
            await output.WriteLineAsync($"Bulkhead sandbox listening on {url}").ConfigureAwait(false);
            await output.WriteLineAsync($"  Spot:    {url}  (/0/public/*, /0/private/*)").ConfigureAwait(false);
            await output.WriteLineAsync($"  Futures: {url}  (/derivatives/api/v3/*)").ConfigureAwait(false);
            await output.WriteLineAsync($"  Admin:   {url}/admin/").ConfigureAwait(false);
            var ws = "ws" + url["http".Length..];
            await output.WriteLineAsync($"  Spot WebSocket v2:  public {ws}{SocketApi.Paths[SocketEndpoint.SpotPublic]}  private {ws}{SocketApi.Paths[SocketEndpoint.SpotPrivate]}").ConfigureAwait(false);
            await output.WriteLineAsync($"  Unified WebSocket:  public {ws}{SocketApi.Paths[SocketEndpoint.UnifiedPublic]}  private {ws}{SocketApi.Paths[SocketEndpoint.UnifiedPrivate]}").ConfigureAwait(false);
            await output.WriteLineAsync(adminToken.GeneratedInMemory
                ? $"  Admin token (generated, in memory only): {adminToken.Value}"
                : adminToken.Location == "--admin-token" ? "  Admin token: the one given with --admin-token" : $"  Admin token: in {adminToken.Location}").ConfigureAwait(false);
            await output.WriteLineAsync(options.InMemory
                ? "  Data:    in memory (nothing survives a restart)"
                : $"  Data:    {SandboxHost.ResolveDataFolder(options.DataFolder)} (SQLite, synchronous={(sync ? "FULL" : "NORMAL")})").ConfigureAwait(false);
            await output.WriteLineAsync(market
                ? $"  Market:  on, seed {seed}, a step every {options.Market.TickInterval.TotalSeconds:0.###} s (liquidity @market, noise @noise; --no-market to turn off)"
                : "  Market:  off (--no-market)").ConfigureAwait(false);
            await output.WriteLineAsync("Press Ctrl-C to stop.").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            // Ctrl-C cancels the command's token; SIGTERM reaches the web host's own lifetime first, which stops the app.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, environment.Time, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: stop gracefully below.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await output.WriteLineAsync("Sandbox stopped.").ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }

    private readonly record struct ServeSettings(int Port, string Host, string? Data, bool InMemory, string? Token, bool Sync, bool Market, long Seed);

    private static int Fail(CliEnvironment environment, int code, string problem)
    {
        environment.Error.WriteLine($"bulkhead: {problem}");
        return code;
    }
}
