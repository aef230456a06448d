using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting;

namespace Bulkhead.Dashboard.Sources;

/// <summary>
/// The exchange's public data (marks, fee ladder) read in the background: a document never waits for the exchange. A
/// read starts when the last one is older than <see cref="DashboardOptions.MarksInterval"/>; a read that fails or takes
/// longer than <see cref="DashboardOptions.ExchangeTimeout"/> marks the exchange unreachable and keeps the last marks.
/// </summary>
internal sealed class MarketSource : IDisposable
{
    private readonly DashboardOptions _options;
    private readonly HttpClient _http;
    private readonly PublicMarket _market;
    private readonly CancellationToken _stopping;
    private readonly Lock _gate = new();
    private PublicMarketView? _latest;
    private string? _error = "not read yet";
    private DateTimeOffset? _checkedAt;
    private long _startedAt;
    private Task? _reading;

    public MarketSource(DashboardOptions options, FleetEnvironment environment, CancellationToken stopping)
    {
        _options = options;
        _http = new HttpClient { Timeout = options.ExchangeTimeout };
        _market = new PublicMarket(_http, environment, options.Time);
        _stopping = stopping;
    }

    /// <summary>The last marks read (null: none yet), whether the last read worked, and starts a read when due.</summary>
    public (PublicMarketView? Latest, string? Error, DateTimeOffset? CheckedAt) Current(IReadOnlyCollection<string> symbols, IReadOnlyCollection<string> assets)
    {
        lock (_gate)
        {
            var due = _startedAt == 0 || _options.Time.GetElapsedTime(_startedAt) >= _options.MarksInterval;
            if (due && _reading is null && !_stopping.IsCancellationRequested)
            {
                _startedAt = _options.Time.GetTimestamp();
                _reading = Task.Run(() => ReadAsync(symbols, assets), CancellationToken.None); // it observes _stopping itself
            }

            return (_latest, _error, _checkedAt);
        }
    }

    /// <summary>Completes when the read in progress (if any) has finished; tests and the first document use it.</summary>
    public Task WhenReadAsync()
    {
        lock (_gate)
        {
            return _reading ?? Task.CompletedTask;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task ReadAsync(IReadOnlyCollection<string> symbols, IReadOnlyCollection<string> assets)
    {
        PublicMarketView? view = null;
        string? error = null;
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
            budget.CancelAfter(_options.ExchangeTimeout);
            view = await _market.ReadAsync(symbols, assets, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            error = $"the exchange did not answer within {_options.ExchangeTimeout.TotalSeconds:0.#} s";
        }
        catch (Exception ex) when (ex is HttpRequestException or Kraken.Errors.KrakenException or InvalidOperationException or System.Text.Json.JsonException)
        {
            error = $"the exchange could not be read: {Reopening<IDisposable>.Describe(ex)}";
        }
        catch (OperationCanceledException)
        {
            error = "stopping";
        }

        lock (_gate)
        {
            _latest = view ?? _latest;
            _error = error;
            _checkedAt = _options.Time.GetUtcNow();
            _reading = null;
        }
    }
}
