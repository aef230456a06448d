using Bulkhead.Sandbox.Api.Admin;
using Bulkhead.Sandbox.Api.Edge;
using Bulkhead.Sandbox.Api.Futures;
using Bulkhead.Sandbox.Api.Sockets;
using Bulkhead.Sandbox.Api.Spot;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Faults;
using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Sandbox;

/// <summary>
/// Builds the sandbox web application: the exchange, its store, and the Spot, Futures, admin and WebSocket routes on one
/// port, behind the edge (<see cref="SandboxEdge"/>: every unserved or refused request gets its API family's error shape).
/// Routes mapped on the returned application before it starts take precedence over the edge's fallback.
/// </summary>
public static class SandboxHost
{
    /// <summary>
    /// Builds (does not start) the sandbox on <paramref name="urls"/> (e.g. <c>http://127.0.0.1:5080</c>; port 0 for an
    /// ephemeral one). Without <paramref name="store"/>: <see cref="InMemorySandboxStore"/> if <see cref="SandboxOptions.InMemory"/>,
    /// else <see cref="SqliteSandboxStore"/> in the data folder (<see cref="ResolveDataFolder"/>). The admin token is
    /// <see cref="SandboxOptions.AdminToken"/>, else <c>DATA/admin.token</c>, else (in memory, or a caller-supplied
    /// store without a data folder) generated and kept in memory; read it with <see cref="GetAdminToken"/>.
    /// </summary>
    public static WebApplication Build(SandboxOptions options, string urls, TimeProvider time, ISandboxStore? store = null, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var dataFolder = options.InMemory || (store is not null && options.DataFolder is null) ? null : ResolveDataFolder(options.DataFolder);
        var token = AdminToken.Resolve(options.AdminToken, dataFolder);
        store ??= dataFolder is null ? new InMemorySandboxStore() : new SqliteSandboxStore(dataFolder, options.SyncEveryCommit);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(token);
        builder.Services.AddSingleton(_ => new SandboxExchange(store, time) { TradingLimits = Bulkhead.Kraken.Limits.SpotTradingLimits.For(options.Tier) });
        builder.Services.AddSingleton(services => new MarketData(services.GetRequiredService<SandboxExchange>(), time));
        if (options.Market.Enabled)
        {
            options.Market.ThrowIfInvalid();
            builder.Services.AddSingleton(services => new SandboxMarket(
                services.GetRequiredService<SandboxExchange>(), services.GetRequiredService<MarketData>(), options.Market, services.GetService<ILogger<SandboxMarket>>()));
            builder.Services.AddHostedService(services => new MarketService(
                services.GetRequiredService<SandboxMarket>(), time, options.Market.TickInterval, services.GetService<ILogger<MarketService>>()));
        }
        builder.Services.AddSingleton<FaultSettings>();
        builder.Services.AddSandboxAuth();
        if (options.Retention.Enabled)
        {
            options.Retention.ThrowIfInvalid();
            builder.Services.AddHostedService(services => new Retention.RetentionService(
                services.GetRequiredService<SandboxExchange>(), options.Retention, services.GetService<ILogger<Retention.RetentionService>>()));
        }

        builder.Services.AddSingleton(services => new SocketHub(
            services.GetRequiredService<SandboxExchange>(), services.GetRequiredService<MarketData>(), options.Sockets,
            services.GetRequiredService<FaultSettings>(), services.GetService<ILogger<SocketHub>>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<SocketHub>());
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

        // Open (and load) the store now, so a bad data folder fails here rather than on the first request.
        _ = app.Services.GetRequiredService<SandboxExchange>();
        app.UseSandboxEdge();
        app.MapSpotApi();
        app.MapFuturesApi();
        app.MapAdminApi();
        app.MapSocketApi();
        app.MapUnmatched();
        return app;
    }

    /// <summary>The data folder: <paramref name="configured"/>, else <c>$BULKHEAD_HOME/sandbox</c>, else <c>~/.bulkhead/sandbox</c>.</summary>
    public static string ResolveDataFolder(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var home = Environment.GetEnvironmentVariable("BULKHEAD_HOME");
        return string.IsNullOrWhiteSpace(home)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".bulkhead", "sandbox")
            : Path.Combine(home, "sandbox");
    }

    /// <summary>The admin token the sandbox checks (its <see cref="AdminToken.Location"/> says where it lives).</summary>
    public static AdminToken GetAdminToken(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<AdminToken>();
    }

    /// <summary>The addresses the sandbox listens on, with real ports once it has started (port 0 resolved).</summary>
    public static IReadOnlyList<string> BoundUrls(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Urls];
    }

    /// <summary>The simulated market, or null when <see cref="MarketOptions.Enabled"/> is off (drive it with <see cref="SandboxMarket.Tick"/> in tests).</summary>
    public static SandboxMarket? GetMarket(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetService<SandboxMarket>();
    }

    /// <summary>The exchange behind the sandbox (for tests and in-process composition).</summary>
    public static SandboxExchange GetExchange(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<SandboxExchange>();
    }
}
