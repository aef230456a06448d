using Bulkhead.Sandbox.Api.Admin.Internal;
using Bulkhead.Sandbox.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Api.Admin;

public static partial class AdminApi
{
    private static void MapOperations(RouteGroupBuilder admin)
    {
        admin.MapPost("/faults", SetFaultsAsync);
        admin.MapGet("/faults", (HttpContext http) => Faults(http.RequestServices.GetRequiredService<FaultSettings>()));
        admin.MapGet("/ledger/totals", (HttpContext http) => LedgerTotals(Exchange(http)));
        admin.MapGet("/conservation", (HttpContext http) =>
        {
            var exchange = Exchange(http);
            var totals = exchange.TotalsByAsset();
            var flows = exchange.NetExternalFlows();
            var assets = totals.Keys.Union(flows.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(asset =>
            {
                var total = totals.GetValueOrDefault(asset);
                var flow = flows.GetValueOrDefault(asset);
                return new { asset, total = AdminViews.Text(total), netExternal = AdminViews.Text(flow), conserved = total == flow };
            }).ToArray();
            var unbalanced = exchange.UnbalancedMovements();
            return AdminViews.Ok(new
            {
                conserved = assets.All(a => a.conserved) && unbalanced.Count == 0,
                assets,
                unbalancedRefids = unbalanced,
                entries = exchange.AllEntries().Count,
            });
        });
    }

    /// <summary>
    /// <c>GET /admin/ledger/totals</c>: per asset, every account's balance (system accounts <c>@…</c> included, all wallets
    /// summed) folded from the ledger entries (amount − fee), and their sum, which conservation says is zero.
    /// </summary>
    private static IResult LedgerTotals(SandboxExchange exchange)
    {
        var assets = exchange.AllEntries()
            .GroupBy(e => e.Asset, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var accounts = g.GroupBy(e => e.Account, StringComparer.Ordinal)
                    .OrderBy(a => a.Key, StringComparer.Ordinal)
                    .ToDictionary(a => a.Key, a => a.Sum(e => e.Amount - e.Fee), StringComparer.Ordinal);
                var sum = accounts.Values.Sum();
                return new
                {
                    asset = g.Key,
                    sum = AdminViews.Text(sum),
                    zero = sum == 0m,
                    accounts = accounts.ToDictionary(a => a.Key, a => AdminViews.Text(a.Value), StringComparer.Ordinal),
                };
            }).ToArray();
        return AdminViews.Ok(new { zero = assets.All(a => a.zero), assets });
    }

    /// <summary>
    /// <c>POST /admin/faults</c>: every field optional, each validated before anything changes (a refused request changes
    /// nothing); <c>dropSockets</c> is a one-shot action, not a setting.
    /// </summary>
    private static async Task<IResult> SetFaultsAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (body, problem) = await AdminBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, problem!);
        }

        var maxMs = (long)FaultSettings.MaxDelay.TotalMilliseconds;
        var latencyMs = body.Integer("latencyMs", 0, maxMs);
        var rate = body.Decimal("unavailableRate", required: false);
        if (rate is < 0 or > 1)
        {
            body.Fail<decimal>("'unavailableRate' must be from 0 to 1 (a share of requests)");
        }

        var socketDelayMs = body.Integer("socketDelayMs", 0, maxMs);
        var dropSockets = body.Boolean("dropSockets");
        var dropBeforeAck = body.Integer("dropBeforeAck", 0, FaultSettings.MaxCount);
        var corruptBookChecksum = body.Integer("corruptBookChecksum", 0, FaultSettings.MaxCount);
        if (body.Problem is not null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, body.Problem);
        }

        var faults = http.RequestServices.GetRequiredService<FaultSettings>();
        faults.Set(new FaultChange
        {
            Latency = latencyMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            UnavailableRate = rate,
            SocketDelay = socketDelayMs is { } delay ? TimeSpan.FromMilliseconds(delay) : null,
            DropSockets = dropSockets == true,
            DropBeforeAck = (int?)dropBeforeAck,
            CorruptBookChecksum = (int?)corruptBookChecksum,
        });
        return Faults(faults);
    }

    private static IResult Faults(FaultSettings faults) =>
        AdminViews.Ok(new
        {
            latencyMs = (long)faults.Latency.TotalMilliseconds,
            unavailableRate = faults.UnavailableRate,
            socketDelayMs = (long)faults.SocketDelay.TotalMilliseconds,
            dropSockets = false,
            dropBeforeAck = faults.DropBeforeAck,
            corruptBookChecksum = faults.CorruptBookChecksum,
        });
}
