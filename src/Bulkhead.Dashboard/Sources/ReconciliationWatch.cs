using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reconciliation;
using Bulkhead.Fleet.Sessions;
using Bulkhead.Kraken.Errors;
using Bulkhead.Runtime.Metrics;

namespace Bulkhead.Dashboard.Sources;

/// <summary>
/// The supervisor's own reconciliation (<c>[alerting] reconcile_every</c>): every interval (the first one interval after
/// start) <see cref="FleetReconciler"/> compares the fill journal with the exchange through each account's reconciler key,
/// exactly as <c>bulkhead reconcile</c> does, in the background. The last result feeds
/// <c>bulkhead_reconciliation_differences</c>. A fill that lands between its reads shows up as a difference for one run:
/// a rule on it wants a <c>for</c> of two intervals or more. While it runs, the reconciler keys' leases are taken (a
/// <c>bulkhead reconcile</c> at that moment exits 3).
/// </summary>
internal sealed class ReconciliationWatch : IAsyncDisposable
{
    private readonly FleetManifest _manifest;
    private readonly ProcessSessionOptions _session;
    private readonly TimeSpan _every;
    private readonly TimeProvider _time;
    private readonly Action<string>? _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _runs = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private ReconciliationFigures? _latest;

    public ReconciliationWatch(FleetManifest manifest, string environment, TimeSpan every, DashboardOptions options)
    {
        _manifest = manifest;
        _every = every;
        _time = options.Time;
        _log = options.Log;
        _session = new ProcessSessionOptions { Time = options.Time, GetVariable = options.GetVariable, Environment = environment };
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>The last run's figures, or null before the first.</summary>
    public ReconciliationFigures? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>Runs one reconciliation now (tests; the loop does the same every interval).</summary>
    public async Task<ReconciliationFigures> RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, int>? differences = null;
        string? error = null;
        try
        {
            var result = await FleetReconciler.RunAsync(_manifest, _session, cancellationToken).ConfigureAwait(false);
            var byAccount = result.Accounts.ToDictionary(a => a.Account, a => a.Differences.Count, StringComparer.Ordinal);
            byAccount["consolidated"] = result.Consolidated.Count;
            differences = byAccount;
            if (!result.IsClean)
            {
                _log?.Invoke($"reconciliation: {result.Differences.Count} difference(s): {string.Join("; ", result.Differences.Take(5).Select(d => d.Message))}");
            }
        }
        catch (Exception e) when (e is ProcessSessionException or KrakenException or HttpRequestException or InvalidOperationException or IOException)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            _log?.Invoke($"reconciliation: failed: {error}");
        }

        lock (_gate)
        {
            var outcome = differences is null ? "failed" : differences.Values.Sum() == 0 ? "clean" : "differences";
            _runs[outcome] = _runs.GetValueOrDefault(outcome) + 1;
            _latest = new ReconciliationFigures(_time.GetUtcNow(), differences, new Dictionary<string, long>(_runs, StringComparer.Ordinal), error);
            return _latest;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_every, _time, _stop.Token).ConfigureAwait(false);
                await RunAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
