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
/// part carries the error of the source it could not read. One document at a time; a document younger than
/// <see cref="FreshFor"/> is reused unless the supervisor changed since.
/// </summary>
internal sealed partial class FleetView : IDisposable
{
    /// <summary>How long a composed document is reused by concurrent readers.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMilliseconds(500);

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
    private FleetDocument? _last;
    private long _lastAt;
    private int _changed = 1;

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
        options.Supervisor.Changed += (_, _) => Interlocked.Exchange(ref _changed, 1);
    }

    /// <summary>The exchange reader (tests wait for its first read).</summary>
    public MarketSource Market => _market;

    /// <summary>The document now (or one composed less than <see cref="FreshFor"/> ago, when the supervisor has not changed since).</summary>
    public async Task<FleetDocument> ComposeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_last is { } last && Volatile.Read(ref _changed) == 0 && _options.Time.GetElapsedTime(_lastAt) < FreshFor)
            {
                return last;
            }

            Interlocked.Exchange(ref _changed, 0);
            _last = Compose();
            _lastAt = _options.Time.GetTimestamp();
            return _last;
        }
        finally
        {
            _gate.Release();
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

    private FleetDocument Compose()
    {
        var now = _options.Time.GetUtcNow();
        var fills = _journal.Read(j => j.Fills());
        var snapshots = _journal.Read(j => j.Snapshots());
        var equity = _journal.Read(j => j.Equity());
        var symbols = _manifest.Strategies.SelectMany(s => s.Pairs).Concat(fills.Value?.Select(f => f.Symbol) ?? []).ToHashSet(StringComparer.Ordinal);
        var assets = (snapshots.Value ?? []).Where(s => s.Kind == Fleet.Reporting.AccountSnapshots.BalancesKind)
            .SelectMany(s => Attempt(() => Fleet.Reporting.AccountSnapshots.Balances(s).Keys) ?? []).ToHashSet(StringComparer.Ordinal);
        var (market, marketError, checkedAt) = _market.Current(symbols, assets);
        var marks = market?.Marks;
        var audit = _audit.Current();
        return new FleetDocument(
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
            Treasury());
    }

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
