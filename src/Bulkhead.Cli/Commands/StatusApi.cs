using System.Text.Json;
using System.Text.Json.Serialization;
using Bulkhead.Runtime.Supervisor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// The supervisor's state over HTTP on 127.0.0.1 (<c>--port</c> of <c>bulkhead run</c> and <c>bulkhead demo</c>):
/// <c>GET /api/status</c> → <c>{ fleet, environment, time, processes: [ProcessStatus…] }</c>. Read-only, no secrets.
/// The seed of issue #9's dashboard, which moves it into Bulkhead.Dashboard and adds its views.
/// </summary>
internal static class StatusApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Starts the server (port 0: any free one); the caller stops and disposes it.</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<WebApplication> StartAsync(int port, string fleet, FleetSupervisor supervisor, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(time);
        var app = builder.Build();
        app.MapGet("/api/status", () => Results.Json(
            new { fleet, environment = supervisor.Environment, time = time.GetUtcNow(), processes = supervisor.Snapshot() }, Json));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }
}
