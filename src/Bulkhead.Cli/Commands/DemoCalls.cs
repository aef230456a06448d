using System.Globalization;
using Bulkhead.Fleet.Audit;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// The demo's call-journal check: per trading process, its signed REST calls (and per minute of the run), its socket
/// requests, and its Futures REST order calls — which a streaming process must not make (its orders go over the Unified
/// WebSocket). Prints one <c>demo: calls …</c> line per process; returns the failures.
/// </summary>
internal static class DemoCalls
{
    /// <summary>The Futures REST order entry points (the journal's endpoint is the method and path, e.g. <c>POST sendorder</c>).</summary>
    public static readonly string[] FuturesOrderEndpoints = ["sendorder", "cancelorder", "cancelallorders", "cancelallordersafter", "editorder", "batchorder"];

    public static async Task<List<string>> CheckAsync(TextWriter output, FleetManifest manifest, string folder, TimeSpan ran)
    {
        var failures = new List<string>();
        if (!Directory.Exists(folder))
        {
            await output.WriteLineAsync($"demo: no call journal in {folder}").ConfigureAwait(false);
            return failures;
        }

        var records = CallJournal.Read(folder).Records;
        var minutes = Math.Max(ran.TotalMinutes, 1.0 / 60);
        foreach (var process in manifest.Processes.Where(p => p.Role == FleetRole.Trader))
        {
            var own = records.Where(r => r.Process == process.Name).ToList();
            var rest = own.Count(r => r.Venue is "spot" or "futures");
            var socket = own.Count(r => r.Venue.EndsWith("-ws", StringComparison.Ordinal));
            var futuresOrders = own.Count(r => r.Venue == "futures" && FuturesOrderEndpoints.Contains(r.Endpoint.Split(' ', '/')[^1], StringComparer.OrdinalIgnoreCase));
            var transport = process.Streams ? "websocket" : "rest";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"demo: calls process={process.Name} transport={transport} rest={rest} rest-per-minute={rest / minutes:0.##} socket={socket} futures-rest-orders={futuresOrders}")).ConfigureAwait(false);
            if (process.Streams && futuresOrders > 0)
            {
                failures.Add($"{process.Name} streams but made {futuresOrders} Futures REST order call(s)");
            }
        }

        return failures;
    }
}
