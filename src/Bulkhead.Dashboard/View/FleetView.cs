using Bulkhead.Dashboard.Documents;
using Bulkhead.Dashboard.Sources;
using Bulkhead.Fleet.Coordination;
using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Treasury;

namespace Bulkhead.Dashboard.View;

/// <summary>
/// Composes the Contract D document from the sources — the supervisor's snapshot, the manifest, the fill journal, the
/// coordination store, the treasury journal, the audit and the exchange's public marks — and computes nothing of its
/// own: every figure comes from Bulkhead.Fleet (FillPnl, Valuation, AccountSnapshots, FeeLadder, AccountBudgets). Each
/// part carries the error of the source it could not read. The sources are read by one document at a time.
/// </summary>
internal sealed partial class FleetView : IDisposable
{
    private const int FleetEquityPoints = 1000;

    private readonly DashboardOptions _options;
    private readonly FleetManifest _manifest;
    private readonly string _environment;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Reopening<IFillJournal> _journal;
    private readonly Reopening<ICoordinationStore> _store;
    private readonly Reopening<TreasuryJournal> _treasury;
    private readonly MarketSource _market;
    private readonly AuditSource _audit;
    private readonly Lock _flight = new();
    private Task<Composition>? _composing;

    public FleetView(DashboardOptions options, CancellationToken stopping)
    {
        _options = options;
        _manifest = options.Manifest;
        _environment = options.Supervisor.Environment;
        var folder = _manifest.BaseDirectory;
        _journal = new("fill journal", () => FillJournal.Open(_manifest.Fleet.Journal, folder, options.Time));
        _store = new("coordination store", () => CoordinationStore.Open(_manifest.Fleet.Coordination, options.Time, folder));
        _treasury = new("treasury journal", () => TreasuryJournal.Open(_manifest.Fleet.Coordination, options.Time, folder));
        _market = new MarketSource(options, _manifest.FindEnvironment(_environment)!, stopping);
        _audit = new AuditSource(options, _environment);
    }

    /// <summary>The supervisor's own reconciliation (set by the host; null: the manifest asks for none).</summary>
    public Sources.ReconciliationWatch? Reconciliation { get; set; }

    /// <summary>The alert rules at work (set by the host once they run; null: the manifest has none).</summary>
    public Runtime.Alerts.AlertService? Alerts { get; set; }

    /// <summary>The exchange reader (tests wait for its first read).</summary>
    public MarketSource Market => _market;

    /// <summary>
    /// The document now. Requests that arrive while one is being composed share it (single flight), so many pages and
    /// event streams cost one read of the sources at a time.
    /// </summary>
    public async Task<FleetDocument> ComposeAsync(CancellationToken cancellationToken) =>
        (await ComposeFullAsync(cancellationToken).ConfigureAwait(false)).Document;

    private Task<Composition> ComposeFullAsync(CancellationToken cancellationToken)
    {
        lock (_flight)
        {
            _composing ??= ComposeOnceAsync();
            return _composing.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Each strategy's equity points since <paramref name="since"/> (all when null).</summary>
    public async Task<EquityPart> EquityAsync(DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Equity(_journal.Read(j => j.Equity()), since, int.MaxValue);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _journal.Dispose();
        _store.Dispose();
        _treasury.Dispose();
        _market.Dispose();
        _gate.Dispose();
    }

    private async Task<Composition> ComposeOnceAsync()
    {
        await Task.Yield();
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            return Compose();
        }
        finally
        {
            _gate.Release();
            lock (_flight)
            {
                _composing = null;
            }
        }
    }

    private Composition Compose()
    {
        var now = _options.Time.GetUtcNow();
        var fills = _journal.Read(j => j.Fills());
        var snapshots = _journal.Read(j => j.Snapshots());
        var equity = _journal.Read(j => j.Equity(latest: FleetEquityPoints));
        var symbols = _manifest.Strategies.SelectMany(s => s.Pairs).Concat(fills.Value?.Select(f => f.Symbol) ?? []).ToHashSet(StringComparer.Ordinal);
        var assets = (snapshots.Value ?? []).Where(s => s.Kind == Fleet.Reporting.AccountSnapshots.BalancesKind)
            .SelectMany(s => Attempt(() => Fleet.Reporting.AccountSnapshots.Balances(s).Keys) ?? []).ToHashSet(StringComparer.Ordinal);
        var (market, marketError, checkedAt) = _market.Current(symbols, assets);
        var marks = market?.Marks;
        var audit = _audit.Current();
        var document = new FleetDocument(
            _manifest.Fleet.Name,
            _environment,
            now,
            new ExchangeState(marketError is null && market is not null, marketError, checkedAt),
            Tree(now, audit),
            Balances(snapshots, marks, marketError),
            Pnl(fills, equity, marks, marketError),
            Equity(equity, null, FleetEquityPoints),
            Fees(snapshots, market?.SpotFees, marketError),
            Margin(fills, snapshots, marks),
            Audit(audit),
            Treasury(),
            Operations(),
            AlertsPart());
        return new Composition(document, Figures(document, fills, marks));
    }

    /// <summary>One composition: the page's document and the metrics' figures, from the same reads.</summary>
    private sealed record Composition(FleetDocument Document, Runtime.Metrics.FleetFigures Figures);

    private static T? Attempt<T>(Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (FormatException)
        {
            return null; // reported by the part that reads it
        }
    }
}
