using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Venues;
using Bulkhead.Runtime.Worker;
using ManifestStrategy = Bulkhead.Fleet.Manifest.Strategy;

namespace Bulkhead.Runtime.Sdk;

/// <summary>
/// What a strategy sees and acts through: its own venue client (opened through the process's session: leased key, nonces,
/// the account's shared rate budget and the lockout guard are wired already), its subaccount, parameters and risk limits,
/// its positions (its fills folded with <see cref="FillPnl"/>), the latest quotes and its resting orders. Every order
/// goes through <see cref="PlaceOrderAsync"/>: risk check, journal <c>Sent</c>, the exchange, journal the outcome.
/// A risk breach or an authentication halt throws <see cref="WorkerHaltException"/>, which stops this strategy (never
/// the fleet). Not thread-safe: the host calls the strategy one callback at a time.
/// </summary>
public sealed partial class StrategyContext
{
    private readonly ITradingVenue _venue;
    private readonly IFillJournal _journal;
    private readonly LockoutGuard? _guard;
    private readonly StatusWriter? _status;
    private readonly Action<string>? _log;
    private readonly Dictionary<string, SymbolPosition> _positions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _knownFills = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _filledByOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MarketQuote> _quotes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TrackedOrder> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _ticks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (VenueFees? Fees, DateTimeOffset ReadAt)> _fees = new(StringComparer.Ordinal);
    private readonly IFeeVenue? _feeVenue;
    private decimal? _peakPnl;

    /// <summary>Creates the context of <paramref name="strategy"/> run by <paramref name="process"/>.</summary>
    /// <param name="strategy">The manifest's strategy.</param>
    /// <param name="subaccount">Its subaccount (null when it trades from the master: no risk limits).</param>
    /// <param name="process">The manifest process running it.</param>
    /// <param name="venue">Its venue client.</param>
    /// <param name="journal">The fleet's fill journal.</param>
    /// <param name="time">The clock.</param>
    /// <param name="guard">The key's lockout guard (halts the strategy once tripped).</param>
    /// <param name="status">Where <c>order</c> and <c>fill</c> status lines go (null: none).</param>
    /// <param name="log">Where log messages go (stderr).</param>
    /// <param name="fees">Where the account's fees are read (null: the published base tier, see <see cref="FeesAsync"/>).</param>
    public StrategyContext(ManifestStrategy strategy, Subaccount? subaccount, string process, ITradingVenue venue, IFillJournal journal, TimeProvider time, LockoutGuard? guard = null, StatusWriter? status = null, Action<string>? log = null, IFeeVenue? fees = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(time);
        Strategy = strategy;
        Subaccount = subaccount;
        Process = process;
        _venue = venue;
        _journal = journal;
        Time = time;
        _guard = guard;
        _status = status;
        _log = log;
        _feeVenue = fees;
        Parameters = new StrategyParameters(strategy.Name, strategy.Parameters);
    }

    /// <summary>The manifest's strategy.</summary>
    public ManifestStrategy Strategy { get; }

    /// <summary>Its subaccount, or null when it trades from the master.</summary>
    public Subaccount? Subaccount { get; }

    /// <summary>The account it trades on.</summary>
    public string Account => Strategy.Account;

    /// <summary>The manifest process running it.</summary>
    public string Process { get; }

    /// <summary>Spot or Futures.</summary>
    public Venue Venue => _venue.Venue;

    /// <summary>The subaccount's risk limits (null: none).</summary>
    public RiskLimits? Risk => Subaccount?.Risk;

    /// <summary>The strategy's parameters.</summary>
    public StrategyParameters Parameters { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The pairs or contracts it trades.</summary>
    public IReadOnlyList<string> Symbols => Strategy.Pairs;

    /// <summary>Orders sent by this process since it started.</summary>
    public int OrdersSent { get; private set; }

    /// <summary>Fills of the account folded so far (journal and new).</summary>
    public int FillCount => _positions.Values.Sum(p => p.Fills);

    /// <summary>The orders the host believes are resting.</summary>
    public IReadOnlyCollection<TrackedOrder> OpenOrders => _open.Values;

    /// <summary>Positions per symbol, folded from the account's fills.</summary>
    public IReadOnlyDictionary<string, SymbolPosition> Positions => _positions;

    /// <summary>The latest quote of <paramref name="symbol"/>, or null before the first poll.</summary>
    public MarketQuote? Quote(string symbol) => _quotes.GetValueOrDefault(symbol);

    /// <summary>The signed position in <paramref name="symbol"/> (base units or contracts) from the fills.</summary>
    public decimal Position(string symbol) => _positions.TryGetValue(symbol, out var p) ? p.Position : 0m;

    /// <summary>Unfilled quantity of the resting orders on one side of <paramref name="symbol"/>.</summary>
    public decimal Resting(string symbol, OrderSide side) => _open.Values.Where(o => o.Symbol == symbol && o.Side == side).Sum(o => o.Remaining);

    /// <summary>How much more can be added on <paramref name="side"/> under the position and notional limits; null: unlimited.</summary>
    public decimal? Headroom(string symbol, OrderSide side, decimal price) => RiskCheck.Headroom(Risk, Position(symbol), Resting(symbol, side), side, price);

    /// <summary>The P&amp;L (realised + unrealised − fees) of every position at the latest marks, in USD.</summary>
    public decimal PnlUsd => _positions.Values.Sum(p => p.Pnl(MarkOf(p)));

    /// <summary>Peak P&amp;L minus P&amp;L now (zero or more).</summary>
    public decimal DrawdownUsd => _peakPnl is { } peak ? Math.Max(0m, peak - PnlUsd) : 0m;

    /// <summary>The price step of <paramref name="symbol"/> (0.01 until the exchange said otherwise).</summary>
    public decimal TickSize(string symbol) => _ticks.TryGetValue(symbol, out var tick) ? tick : 0.01m;

    /// <summary><paramref name="price"/> rounded down to a multiple of the tick.</summary>
    public decimal FloorToTick(string symbol, decimal price)
    {
        var tick = TickSize(symbol);
        return Math.Floor(price / tick) * tick;
    }

    /// <summary><paramref name="price"/> rounded up to a multiple of the tick.</summary>
    public decimal CeilingToTick(string symbol, decimal price)
    {
        var tick = TickSize(symbol);
        return Math.Ceiling(price / tick) * tick;
    }

    /// <summary>Writes a log message (stderr).</summary>
    public void Log(string message) => _log?.Invoke($"{Strategy.Name}: {message}");

    /// <summary>The equity point of now, with the account's <paramref name="equityUsd"/>.</summary>
    public EquityPoint Equity(decimal equityUsd) => new(
        Account,
        Strategy.Name,
        Time.GetUtcNow(),
        equityUsd,
        _positions.Values.Sum(p => p.Realised),
        _positions.Values.Sum(p => p.Unrealised(MarkOf(p))),
        _positions.Values.Sum(p => p.Fees));

    /// <summary>Throws the halt an error calls for: authentication (guard tripped, exchange lockout) → exit 4; missing permission → exit 2.</summary>
    internal void ThrowIfHalting(KrakenError error) => Halts.ThrowIfHalting(error, _guard);

    /// <summary>Reads the price step of every symbol from the exchange (kept at 0.01 when it cannot be read).</summary>
    internal async Task LoadTickSizesAsync(CancellationToken cancellationToken)
    {
        foreach (var symbol in Symbols)
        {
            var tick = await _venue.GetTickSizeAsync(symbol, cancellationToken).ConfigureAwait(false);
            if (tick.Success && tick.Value > 0m)
            {
                _ticks[symbol] = tick.Value;
            }
            else if (!tick.Success)
            {
                ThrowIfHalting(tick.Error);
                Log($"the price step of {symbol} is unknown ({tick.Error.Code}); using 0.01");
            }
        }
    }

    internal void UpdateQuote(MarketQuote quote)
    {
        _quotes[quote.Symbol] = quote;
        SeedPeak(PnlUsd);
    }

    internal void SeedPeak(decimal pnl) => _peakPnl = _peakPnl is { } peak ? Math.Max(peak, pnl) : pnl;

    private decimal MarkOf(SymbolPosition position) => _quotes.TryGetValue(position.Symbol, out var q) ? q.Mark : position.AverageCost;
}
