using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>
/// Futures margin state: positions (folded from the committed Futures trades, so they persist with the trades), mark
/// prices, per-account margin figures, and what the flex wallet must keep for margin.
/// </summary>
public sealed partial class SandboxExchange
{
    private readonly MarkPriceBoard _markPrices = new();
    private readonly Dictionary<(string Account, string Symbol), FuturesPosition> _positions = [];
    private readonly Dictionary<(string Account, string Symbol), FuturesPosition> _pendingPositions = [];
    private TradingBatch? _pendingBatch;

    /// <summary>The current mark and index prices of the Futures instruments.</summary>
    public IMarkPrices MarkPrices => _markPrices;

    /// <summary>
    /// The market's seam into margin: sets <paramref name="symbol"/>'s mark price (and index price; null: the index
    /// follows the mark), settles funding if an hour boundary passed, samples the funding premium, then liquidates every
    /// account whose equity fell below its maintenance margin.
    /// </summary>
    /// <exception cref="ArgumentException">The instrument is unknown.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A price is not positive.</exception>
    public void UpdateMarkPrice(string symbol, decimal markPrice, decimal? indexPrice = null)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (_gate)
        {
            _markPrices.Set(symbol, markPrice, indexPrice);
            SettleFundingLocked();
            _funding.Sample(symbol, _time.GetUtcNow(), markPrice, indexPrice ?? markPrice);
            LiquidateDueLocked();
        }
    }

    /// <summary>An account's open (non-flat) Futures positions, in symbol order.</summary>
    public IReadOnlyList<FuturesPosition> Positions(string account)
    {
        lock (_gate)
        {
            return [.. PositionsLocked(account)];
        }
    }

    /// <summary>An account's margin figures at the current mark prices (its flex collateral, positions and open Futures orders only).</summary>
    public MarginSummary Margin(string account)
    {
        lock (_gate)
        {
            return MarginCalculator.Summarise(MarginStateLocked(account, null), _markPrices);
        }
    }

    partial void AddVenueSettlements(Dictionary<TradingVenue, IVenueSettlement> venues) => venues[TradingVenue.Futures] = new FuturesSettlement(this);

    /// <summary>What margin reads about one account; with <paramref name="batch"/>, including that batch's balances and positions.</summary>
    internal MarginAccountState MarginStateLocked(string account, TradingBatch? batch, string? excludingOrderId = null)
    {
        var collateral = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var asset in AssetCatalog.All)
        {
            var balance = batch?.Balance(account, Wallet.FuturesFlex, asset.Id) ?? _ledger.Balance(account, Wallet.FuturesFlex, asset.Id);
            if (balance != 0m)
            {
                collateral[asset.Id] = balance;
            }
        }

        var positions = _positions.Keys.Where(k => k.Account == account)
            .Select(k => batch is not null && ReferenceEquals(batch, _pendingBatch) && _pendingPositions.TryGetValue(k, out var pending) ? pending : _positions[k])
            .Where(p => !p.IsFlat).ToList();
        if (batch is not null && ReferenceEquals(batch, _pendingBatch))
        {
            positions.AddRange(_pendingPositions.Where(p => p.Key.Account == account && !_positions.ContainsKey(p.Key) && !p.Value.IsFlat).Select(p => p.Value));
        }

        var orders = OpenOrdersLocked(account).Where(o => o.Venue == TradingVenue.Futures && o.Id != excludingOrderId)
            .Select(o => new MarginOrder(o.Symbol, o.Side == Side.Buy ? o.Remaining : -o.Remaining)).ToList();
        return new MarginAccountState(collateral, positions, orders);
    }

    /// <summary>Moves the position of one side of a fill inside <paramref name="batch"/> (settlement); committed positions follow the trades in <see cref="ApplyFutures"/>.</summary>
    internal PositionFill ApplyPendingFill(TradingBatch batch, string account, string symbol, decimal signedQuantity, decimal price)
    {
        if (!ReferenceEquals(batch, _pendingBatch))
        {
            _pendingBatch = batch;
            _pendingPositions.Clear();
        }

        var key = (account, symbol);
        var position = _pendingPositions.TryGetValue(key, out var pending) ? pending : _positions.GetValueOrDefault(key) ?? FuturesPosition.Flat(symbol, batch.Now);
        var applied = position.Apply(signedQuantity, price, batch.Now, FuturesSettlement.UsdDecimals);
        _pendingPositions[key] = applied.Position;
        return applied;
    }

    /// <summary>What the flex wallet must keep of <paramref name="asset"/> for margin: withdrawals and transfers may take only the rest.</summary>
    private decimal MarginHoldLocked(string account, Wallet wallet, string asset)
    {
        if (wallet != Wallet.FuturesFlex || account.StartsWith('@'))
        {
            return 0m;
        }

        var state = MarginStateLocked(account, null);
        if (state.Positions.Count == 0 && state.Orders.Count == 0)
        {
            return 0m;
        }

        var balance = state.Collateral.GetValueOrDefault(asset);
        var free = Math.Max(0m, MarginCalculator.Summarise(state, _markPrices).AvailableMargin) / MarginCalculator.UsdValue(asset, _markPrices);
        return Math.Max(0m, balance - free);
    }

    private IEnumerable<FuturesPosition> PositionsLocked(string account) =>
        _positions.Where(p => p.Key.Account == account && !p.Value.IsFlat).OrderBy(p => p.Key.Symbol, StringComparer.Ordinal).Select(p => p.Value);

    /// <summary>Folds committed Futures trades into the positions (at start-up and after every commit), exactly as settlement computed them.</summary>
    private void ApplyFutures(SandboxChangeSet changes)
    {
        foreach (var trade in changes.Trades)
        {
            if (trade.Venue != TradingVenue.Futures)
            {
                continue;
            }

            var key = (trade.Account, trade.Symbol);
            var position = _positions.GetValueOrDefault(key) ?? FuturesPosition.Flat(trade.Symbol, trade.Time);
            _positions[key] = position.Apply(trade.Side == Side.Buy ? trade.Volume : -trade.Volume, trade.Price, trade.Time, FuturesSettlement.UsdDecimals).Position;
        }

        if (changes.Trades.Count > 0)
        {
            _pendingBatch = null;
            _pendingPositions.Clear();
        }
    }
}
