using System.Text.Json;
using Bulkhead.Dashboard.View;
using Bulkhead.Runtime.Supervisor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Bulkhead.Dashboard.Api;

/// <summary>
/// <c>GET /api/events</c>: Server-Sent Events. <c>event: fleet</c> with the <c>/api/fleet</c> document (one line of
/// JSON) at once, then every <see cref="DashboardOptions.EventInterval"/> and as soon as the supervisor reports a change
/// (at most every <see cref="MinimumGap"/>). <c>retry: 2000</c> asks browsers to reconnect after 2 s when the stream breaks.
/// </summary>
internal static class EventsApi
{
    /// <summary>The shortest time between two pushes, however often the supervisor changes.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder routes, FleetView view, FleetSupervisor supervisor, DashboardOptions options)
    {
        routes.MapGet("/api/events", async (HttpContext context, IHostApplicationLifetime lifetime) =>
        {
            // A stream never ends by itself: it also ends when the dashboard stops, so a graceful stop does not wait for it.
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            var ct = ending.Token;
            var response = context.Response;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache, no-store";
            response.Headers["X-Accel-Buffering"] = "no";
            using var changes = new ChangeSignal(supervisor);
            try
            {
                await response.WriteAsync("retry: 2000\n\n", ct).ConfigureAwait(false);
                while (!ct.IsCancellationRequested)
                {
                    var changed = changes.Next();
                    var document = await view.ComposeAsync(ct).ConfigureAwait(false);
                    await response.WriteAsync("event: fleet\ndata: " + JsonSerializer.Serialize(document, DashboardJson.Documents) + "\n\n", ct).ConfigureAwait(false);
                    await response.Body.FlushAsync(ct).ConfigureAwait(false);
                    await Task.Delay(MinimumGap, options.Time, ct).ConfigureAwait(false);
                    await Task.WhenAny(changed, Task.Delay(Rest(options.EventInterval), options.Time, ct)).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The page went away (or the dashboard stops): nothing to report.
            }
        });
        return routes;
    }

    private static TimeSpan Rest(TimeSpan interval) => interval > MinimumGap ? interval - MinimumGap : TimeSpan.Zero;

    /// <summary>A task per wait that completes at the supervisor's next change.</summary>
    private sealed class ChangeSignal : IDisposable
    {
        private readonly FleetSupervisor _supervisor;
        private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ChangeSignal(FleetSupervisor supervisor)
        {
            _supervisor = supervisor;
            supervisor.Changed += OnChanged;
        }

        public Task Next() => Volatile.Read(ref _next).Task;

        public void Dispose() => _supervisor.Changed -= OnChanged;

        private void OnChanged(object? sender, EventArgs e) =>
            Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}
