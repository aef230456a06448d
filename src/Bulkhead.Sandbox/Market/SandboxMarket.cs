using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Market.Internal;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Sandbox.Market;

/// <summary>
/// The simulated market of a sandbox. <see cref="Open"/> funds the system accounts and quotes every book;
/// each <see cref="Tick"/> advances the price path one step, then for every Spot pair and Futures perpetual re-quotes
/// the liquidity provider's ladder (<see cref="MakerAccount"/>: only levels that changed are cancelled, in one
/// transaction, and placed), sends the noise takers' orders (<see cref="NoiseAccount"/>), publishes Futures mark and
/// index prices through <see cref="SandboxExchange.UpdateMarkPrice"/>, and copies new fills into <see cref="MarketData"/>.
/// Orders go through the exchange's own order path (<see cref="SandboxExchange.PlaceOrder"/>), so they match, settle
/// and persist like a user's; system accounts pay no fee and have no rate counter (trading core). Thread-safe: steps
/// are serialised. Deterministic for a seed when nobody else trades.
/// </summary>
public sealed class SandboxMarket
{
    /// <summary>The liquidity provider's account.</summary>
    public const string MakerAccount = "@market";

    /// <summary>The noise takers' account (a separate owner, so its orders trade against the provider's).</summary>
    public const string NoiseAccount = "@noise";

    private readonly SandboxExchange _exchange;
    private readonly MarketData _data;
    private readonly long _seed;
    private readonly TimeSpan _interval;
    private readonly decimal _fundingUsd;
    private readonly decimal _markBandBps;
    private readonly LiquidityProvider _provider;
    private readonly NoiseTaker _noise;
    private readonly ILogger _logger;
    private readonly Lock _step = new();

    /// <summary>A market over <paramref name="exchange"/> (options validated and copied; the path starts at the catalogue prices).</summary>
    public SandboxMarket(SandboxExchange exchange, MarketData data, MarketOptions options, ILogger<SandboxMarket>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _exchange = exchange;
        _data = data;
        _seed = options.Seed;
        _interval = options.TickInterval;
        _fundingUsd = options.FundingUsd;
        _markBandBps = options.MarkBandBps;
        Prices = new MarketPrices(options);
        _provider = new LiquidityProvider(options);
        _noise = new NoiseTaker(options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The price path (read it under no lock only from the thread that steps, or between steps in tests).</summary>
    public MarketPrices Prices { get; }

    /// <summary>Steps taken.</summary>
    public long Steps => Prices.Steps;

    /// <summary>Funds the system accounts and quotes every book at the current path price, without stepping or noise.</summary>
    public void Open()
    {
        lock (_step)
        {
            Fund();
            Quote();
            PublishMarks();
            _data.Sync();
            MarketLog.Opened(_logger, _seed, _interval, MarketInstrument.All.Count);
        }
    }

    /// <summary>One step: the path moves, every book is re-quoted, the noise takers trade, marks are published.</summary>
    public void Tick()
    {
        lock (_step)
        {
            Prices.Step();
            Fund();
            Quote();
            Noise();
            PublishMarks();
            _data.Sync();
        }
    }

    // Tops the system accounts up from @external when below half their target (conservation holds: they are deposits).
    private void Fund()
    {
        foreach (var account in (ReadOnlySpan<string>)[MakerAccount, NoiseAccount])
        {
            foreach (var asset in AssetCatalog.All)
            {
                _exchange.TopUpSystemAccount(account, Wallet.Spot, asset.Id, Target(asset));
            }

            _exchange.TopUpSystemAccount(account, Wallet.FuturesFlex, "ZUSD", _fundingUsd);
        }
    }

    private decimal Target(SandboxAsset asset) => decimal.Round(_fundingUsd / Prices.UsdPrice(asset.Id), asset.Decimals, MidpointRounding.ToZero);

    private void Quote()
    {
        var open = _exchange.OpenOrders(MakerAccount).ToLookup(o => o.Symbol, StringComparer.Ordinal);
        var stale = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<(MarketInstrument Instrument, Side Side, MarketLevel Level)>();
        foreach (var instrument in MarketInstrument.All)
        {
            var ladder = _provider.Quote(instrument, Prices.Reference(instrument), Prices.UsdPrice(instrument.Base));
            Match(open[instrument.Symbol].Where(o => o.Side == Side.Buy), ladder.Bids, Side.Buy, instrument, stale, missing);
            Match(open[instrument.Symbol].Where(o => o.Side == Side.Sell), ladder.Asks, Side.Sell, instrument, stale, missing);
        }

        if (stale.Count > 0)
        {
            _exchange.CancelOrders(MakerAccount, o => stale.Contains(o.Id));
        }

        foreach (var (instrument, side, level) in missing)
        {
            Place(MakerAccount, instrument, side, level.Volume, level.Price, TimeInForce.GoodTillCancelled);
        }
    }

    // A resting order is kept when it sits on a wanted level (one order per level) with at least half the wanted volume.
    private static void Match(IEnumerable<SandboxOrder> resting, IReadOnlyList<MarketLevel> wanted, Side side, MarketInstrument instrument, HashSet<string> stale, List<(MarketInstrument, Side, MarketLevel)> missing)
    {
        var unclaimed = wanted.ToDictionary(l => l.Price);
        foreach (var order in resting)
        {
            if (order.Price is { } price && unclaimed.TryGetValue(price, out var level) && order.Remaining * 2m >= level.Volume)
            {
                unclaimed.Remove(price);
            }
            else
            {
                stale.Add(order.Id);
            }
        }

        foreach (var level in wanted)
        {
            if (unclaimed.ContainsKey(level.Price))
            {
                missing.Add((instrument, side, level));
            }
        }
    }

    private void Noise()
    {
        foreach (var instrument in MarketInstrument.All)
        {
            if (_noise.Next(instrument, Prices.Reference(instrument), Prices.UsdPrice(instrument.Base)) is { } order)
            {
                Place(NoiseAccount, instrument, order.Buy ? Side.Buy : Side.Sell, order.Volume, order.LimitPrice, TimeInForce.ImmediateOrCancel);
            }
        }
    }

    private void Place(string account, MarketInstrument instrument, Side side, decimal volume, decimal price, TimeInForce timeInForce)
    {
        var placed = _exchange.PlaceOrder(new SandboxOrderRequest(account, instrument.Venue, instrument.Symbol, side, OrderKind.Limit, volume, price, timeInForce));
        if (!placed.Success)
        {
            MarketLog.OrderRefused(_logger, account, instrument.Symbol, placed.Detail);
        }
    }

    // Index = the path on the tick; mark = the book's mid clamped to index ± band (MarkPrice).
    private void PublishMarks()
    {
        foreach (var instrument in MarketInstrument.All.Where(i => i.Venue == TradingVenue.Futures))
        {
            var index = Prices.OnTick(instrument);
            var (bid, ask) = _exchange.BestPrices(TradingVenue.Futures, instrument.Symbol);
            var mark = MarkPrice.Compute(index, bid, ask, _markBandBps, instrument.TickSize);
            try
            {
                _exchange.UpdateMarkPrice(instrument.Symbol, mark, index);
                _data.RecordPrices(instrument.Symbol, mark, index);
            }
            catch (ArgumentException ex)
            {
                MarketLog.MarkFailed(_logger, instrument.Symbol, ex.Message);
            }
        }
    }
}
