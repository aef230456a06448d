using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reconciliation;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Kraken.Errors;
using Bulkhead.Runtime.Supervisor;
using Bulkhead.Sandbox;
using Bulkhead.Sandbox.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// The demo's verdict once the fleet has stopped: the P&amp;L report, the reconciliation, the sandbox's ledger
/// conservation (its own admin API), the keys' auth failures (no nonce error, no lockout) and that at least three
/// strategies traded. Prints every number; true when all hold.
/// </summary>
internal static class DemoChecks
{
    public static async Task<bool> RunAsync(CliEnvironment environment, FleetManifest manifest, WebApplication sandbox, IReadOnlyList<ProcessStatus> processes, string adminToken, (string Folder, TimeSpan Ran) calls, CancellationToken cancellationToken)
    {
        var output = environment.Out;
        var failures = new List<string>();
        var options = FleetReadSupport.Options(environment, null);

        // One read of the exchange and the journal: the report and the reconciliation value the same balances at the same marks.
        FleetReview? review = null;
        try
        {
            review = await FleetReview.ReadAsync(manifest, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ProcessSessionException or KrakenException or HttpRequestException or InvalidOperationException or IOException)
        {
            failures.Add($"the exchange and the journal could not be read: {e.Message}");
        }

        if (review is not null)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("== report (P&L per strategy) ==").ConfigureAwait(false);
            ReportTables.Print(FleetReadSupport.Console(output), output, FleetReporter.Build(manifest, review), "pnl");

            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("== reconciliation ==").ConfigureAwait(false);
            var result = FleetReconciler.Compare(review);
            ReconcileCommand.Print(output, result);
            await output.WriteLineAsync($"demo: per-strategy P&L sum {FleetReadSupport.BookedUsd(result.StrategiesPnlUsd)} USD, consolidated {FleetReadSupport.BookedUsd(result.ConsolidatedPnlUsd)} USD (allowance {FleetReadSupport.Number(result.AllowanceUsd)})").ConfigureAwait(false);
            if (!result.IsClean)
            {
                failures.Add($"reconciliation found {result.Differences.Count} difference(s)");
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("== fleet ==").ConfigureAwait(false);
        IReadOnlyList<JournalFill> fills;
        if (review is not null)
        {
            fills = review.Fills;
        }
        else
        {
            using var journal = FillJournal.Open(manifest.Fleet.Journal, manifest.BaseDirectory, environment.Time);
            fills = journal.Fills();
        }

        var traded = fills.GroupBy(f => (f.Strategy, f.Account)).OrderBy(g => g.Key.Strategy, StringComparer.Ordinal).ToList();
        foreach (var group in traded)
        {
            await output.WriteLineAsync($"demo: strategy {group.Key.Strategy} fills={group.Count()} account={group.Key.Account}").ConfigureAwait(false);
        }

        foreach (var idle in manifest.Strategies.Where(s => traded.All(g => g.Key.Strategy != s.Name)))
        {
            await output.WriteLineAsync($"demo: strategy {idle.Name} fills=0 account={idle.Account}").ConfigureAwait(false);
        }

        foreach (var p in processes)
        {
            await output.WriteLineAsync($"demo: process {p.Process} restarts={p.Restarts} state={p.State.ToString().ToLowerInvariant()}{(p.HaltReason is { } r ? $" reason=\"{r}\"" : string.Empty)}").ConfigureAwait(false);
        }

        var accounts = traded.Select(g => g.Key.Account).Distinct(StringComparer.Ordinal).Count();
        // The market maker fills whenever takers come; the trend strategies only on a move that beats the round-trip taker
        // fee (docs/runtime.md), which a calm minute may not bring: two strategies in two subaccounts show isolation.
        if (traded.Count < 2 || accounts < 2)
        {
            failures.Add($"only {traded.Count} strategies in {accounts} subaccounts traded (at least 2 in 2 expected; the trend strategies trade only on a move that beats the round-trip taker fee, which a short run may not see: try --duration 2m)");
        }

        failures.AddRange(await DemoCalls.CheckAsync(output, manifest, calls.Folder, calls.Ran).ConfigureAwait(false));
        failures.AddRange(KeyChecks(sandbox, output));
        failures.AddRange(await ConservationAsync(sandbox, adminToken, output, cancellationToken).ConfigureAwait(false));
        foreach (var failure in failures)
        {
            await output.WriteLineAsync($"demo: FAILED: {failure}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(failures.Count == 0 ? "demo: OK — reconciliation clean, ledger conserves, no nonce error, no lockout" : $"demo: {failures.Count} check(s) failed").ConfigureAwait(false);
        return failures.Count == 0;
    }

    private static List<string> KeyChecks(WebApplication sandbox, TextWriter output)
    {
        var failures = new List<string>();
        var activity = sandbox.Services.GetRequiredService<IKeyActivity>();
        long nonce = 0, requests = 0, lockedOut = 0;
        foreach (var key in sandbox.GetExchange().Keys(null))
        {
            var stats = activity.Stats(key.Key);
            requests += stats.Requests;
            nonce += KrakenErrors.NonceErrors.Sum(kind => stats.FailuresByKind.GetValueOrDefault(kind));
            lockedOut += stats.LockedUntil is null ? 0 : 1;
        }

        output.WriteLine($"demo: exchange saw {requests} signed requests, nonce errors={nonce}, keys locked out={lockedOut}");
        if (nonce > 0)
        {
            failures.Add($"{nonce} nonce error(s) reached the exchange");
        }

        if (lockedOut > 0)
        {
            failures.Add($"{lockedOut} key(s) locked out by the exchange");
        }

        return failures;
    }

    private static async Task<List<string>> ConservationAsync(WebApplication sandbox, string token, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(sandbox.BoundUrls()[0]) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var conservation = JsonNode.Parse(await http.GetStringAsync(new Uri("/admin/conservation", UriKind.Relative), cancellationToken).ConfigureAwait(false))!;
        var totals = JsonNode.Parse(await http.GetStringAsync(new Uri("/admin/ledger/totals", UriKind.Relative), cancellationToken).ConfigureAwait(false))!;
        var conserved = conservation["conserved"]?.GetValue<bool>() == true;
        var zero = totals["zero"]?.GetValue<bool>() == true;
        output.WriteLine($"demo: sandbox ledger conserved={conserved.ToString().ToLowerInvariant()} (entries {conservation["entries"]?.ToString() ?? "?"}), per-asset totals zero={zero.ToString().ToLowerInvariant()}");
        return conserved && zero ? [] : [$"the sandbox ledger does not conserve: {conservation.ToJsonString()} {totals.ToJsonString()}"];
    }
}
