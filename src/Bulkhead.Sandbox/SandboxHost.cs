using Bulkhead.Sandbox.Api.Admin;
using Bulkhead.Sandbox.Api.Futures;
using Bulkhead.Sandbox.Api.Spot;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Sandbox;

/// <summary>Builds the sandbox web application: the exchange, its store, and the Spot, Futures and admin routes on one port.</summary>
public static class SandboxHost
{
    /// <summary>Builds (does not start) the sandbox on <paramref name="urls"/> (e.g. <c>http://127.0.0.1:5080</c>; port 0 for an ephemeral one).</summary>
    public static WebApplication Build(SandboxOptions options, string urls, TimeProvider time, ISandboxStore? store = null, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(_ => new SandboxExchange(store ?? new InMemorySandboxStore(), time));
        builder.Services.AddSandboxAuth();
        var app = builder.Build();
        app.MapSpotApi();
        app.MapFuturesApi();
        app.MapAdminApi();
        return app;
    }
}
