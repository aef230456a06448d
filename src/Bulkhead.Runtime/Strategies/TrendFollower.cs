using Bulkhead.Kraken.Venues;
using Bulkhead.Runtime.Sdk;
using Bulkhead.Runtime.Venues;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// The trend logic <c>spot-momentum</c> and <c>futures-directional</c> share, built not to churn:
/// <list type="bullet">
/// <item>the signal is the mid's move over <c>lookback_seconds</c>; it turns long (short) only beyond the entry threshold
/// and, once in a trend, goes flat only when the move has come back past the exit threshold (<c>exit_bps</c>, default
/// half the entry): a move that wobbles around one threshold does not toggle it (hysteresis);</item>
/// <item>the entry threshold is <c>threshold_bps</c> or <c>fee_cover</c> (default 2) × the round-trip taker fee at the
/// fleet's tier, whichever is higher: a trend is followed only when the move, if it merely continued half as far again,
/// would pay both fees;</item>
/// <item>a position is held at least <c>min_hold_seconds</c> before it is reduced or turned, and no order goes within
/// <c>cooldown_seconds</c> of the last one;</item>
/// <item>the position aimed at is ±<c>target_position</c>, cut to what the risk limits leave (position and notional,
/// resting orders counted); a turn closes first and opens the other way on a later decision.</item>
/// </list>
/// </summary>
internal sealed class TrendFollower
{
    private readonly StrategyContext _context;
    private readonly string _symbol;
    private readonly PriceWindow _window;
    private readonly decimal _target;
    private readonly decimal _maxOrder;
    private readonly decimal _thresholdBps;
    private readonly decimal? _exitBps;
    private readonly decimal _feeCover;
    private readonly TimeSpan _minHold;
    private readonly TimeSpan _cooldown;
    private readonly bool _reduceOnly;
    private int _direction;
    private DateTimeOffset _lastOrder = DateTimeOffset.MinValue;
    private DateTimeOffset _heldSince = DateTimeOffset.MinValue;

    /// <summary>Reads the parameters (defaults given by the strategy kind).</summary>
    /// <param name="context">The strategy's context.</param>
    /// <param name="defaults">The kind's defaults.</param>
    /// <param name="reduceOnly">Send closing orders reduce-only (Futures).</param>
    public TrendFollower(StrategyContext context, TrendDefaults defaults, bool reduceOnly)
    {
        _context = context;
        _symbol = context.Symbols[0];
        var p = context.Parameters;
        _window = new PriceWindow(p.GetSeconds("lookback_seconds", defaults.Lookback));
        _target = p.GetDecimal("target_position", defaults.TargetPosition);
        _maxOrder = p.GetDecimal("order_size", _target);
        _thresholdBps = p.GetDecimal("threshold_bps", defaults.ThresholdBps, allowZero: true);
        _exitBps = p.Values.ContainsKey("exit_bps") ? p.GetDecimal("exit_bps", 0m, allowZero: true) : null;
        _feeCover = p.GetDecimal("fee_cover", 2m, allowZero: true);
        _minHold = p.GetSeconds("min_hold_seconds", defaults.MinHold);
        _cooldown = p.GetSeconds("cooldown_seconds", defaults.Cooldown);
        _reduceOnly = reduceOnly;
    }

    /// <summary>The direction the signal wants now: −1, 0 (flat) or +1.</summary>
    public int Direction => _direction;

    /// <summary>The move a trend must make before it is followed, in bps, at the current fees.</summary>
    public async ValueTask<decimal> EntryBpsAsync(CancellationToken cancellationToken)
    {
        var fees = await _context.FeesAsync(_symbol, cancellationToken).ConfigureAwait(false);
        return Math.Max(_thresholdBps, _feeCover * 2m * Math.Max(0m, fees.TakerRate) * 10_000m);
    }

    /// <summary>Folds a quote into the signal, then trades towards it when the hold, the cooldown and the limits allow.</summary>
    public async Task OnQuoteAsync(MarketQuote quote, CancellationToken cancellationToken)
    {
        if (quote.Symbol != _symbol || quote.Bid <= 0m || quote.Ask <= quote.Bid)
        {
            return;
        }

        _window.Add(quote.Time, quote.Mid);
        if (_window.MoveBps() is not { } move)
        {
            return;
        }

        var entry = await EntryBpsAsync(cancellationToken).ConfigureAwait(false);
        var exit = _exitBps ?? (entry / 2m);
        if (move >= entry)
        {
            _direction = 1;
        }
        else if (move <= -entry)
        {
            _direction = -1;
        }
        else if ((_direction > 0 && move <= -exit) || (_direction < 0 && move >= exit))
        {
            _direction = 0;
        }

        await TradeAsync(quote, cancellationToken).ConfigureAwait(false);
    }

    private async Task TradeAsync(MarketQuote quote, CancellationToken cancellationToken)
    {
        var now = _context.Time.GetUtcNow();
        if (now - _lastOrder < _cooldown)
        {
            return;
        }

        var position = _context.Position(_symbol);
        var delta = (_direction * _target) - position;
        if (Math.Abs(delta) < _target / 100m)
        {
            return;
        }

        var reducing = position != 0m && Math.Sign(delta) != Math.Sign(position);
        if (reducing && now - _heldSince < _minHold)
        {
            return; // held too briefly: a turn now would pay two fees for noise
        }

        var side = delta > 0m ? OrderSide.Buy : OrderSide.Sell;
        var quantity = Math.Min(_maxOrder, reducing ? Math.Min(Math.Abs(delta), Math.Abs(position)) : Math.Abs(delta));
        if (!reducing && _context.Headroom(_symbol, side, side == OrderSide.Buy ? quote.Ask : quote.Bid) is { } room)
        {
            quantity = Math.Min(quantity, room);
        }

        quantity = decimal.Round(quantity, 4, MidpointRounding.ToZero);
        if (quantity <= 0m)
        {
            return;
        }

        _lastOrder = now;
        if (position == 0m)
        {
            _heldSince = now;
        }

        await _context.PlaceOrderAsync(
            new VenueOrderRequest { Symbol = _symbol, Side = side, Kind = VenueOrderKind.Market, Quantity = quantity, ReduceOnly = reducing && _reduceOnly },
            cancellationToken).ConfigureAwait(false);
    }
}
