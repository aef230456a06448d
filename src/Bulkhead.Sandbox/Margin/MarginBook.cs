using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// Futures margin state: positions (folded from the committed Futures trades, so they persist with the trades, plus the
/// carries retention folded old trades into), the positions of the batch being settled, mark prices, per-account margin
/// figures, and what the flex wallet must keep for margin. Reads collateral from the ledger and open Futures orders from
/// the trading core. Not thread-safe: the exchange calls it under its lock.
/// </summary>
internal sealed class MarginBook(LedgerBook ledger, TradingCore trading)
{
    private readonly MarkPriceBoard _marks = new();
    private readonly Dictionary<(string Account, string Symbol), FuturesPosition> _positions = [];
    private readonly Dictionary<(string Account, string Symbol), FuturesPosition> _pendingPositions = [];
    private readonly Dictionary<(string Account, string Symbol), FuturesPosition> _carries = [];
    private TradingBatch? _pendingBatch;

    /// <summary>The current mark and index prices of the Futures instruments.</summary>
    public IMarkPrices Marks => _marks;

    /// <summary>Each account's carried position per symbol (what retention folded removed trades into).</summary>
    public IReadOnlyDictionary<(string Account, string Symbol), FuturesPosition> Carries => _carries;

    /// <summary>Sets a symbol's mark price (and index price; null: the index follows the mark).</summary>
    public void SetMark(string symbol, decimal mark, decimal? index) => _marks.Set(symbol, mark, index);

    /// <summary>An account's position size in a symbol (signed; 0 when flat).</summary>
    public decimal PositionSize(string account, string symbol) =>
        _positions.TryGetValue((account, symbol), out var position) ? position.Size : 0m;

    /// <summary>An account's open (non-flat) positions, in symbol order.</summary>
    public IEnumerable<FuturesPosition> Positions(string account) =>
        _positions.Where(p => p.Key.Account == account && !p.Value.IsFlat).OrderBy(p => p.Key.Symbol, StringComparer.Ordinal).Select(p => p.Value);

    /// <summary>Every open (non-flat) position with its account.</summary>
    public IEnumerable<(string Account, FuturesPosition Position)> OpenPositions() =>
        _positions.Where(p => !p.Value.IsFlat).Select(p => (p.Key.Account, p.Value));

    /// <summary>Open interest of a Futures instrument: the sum of every account's long position (equal to the shorts'), in contracts.</summary>
    public decimal OpenInterest(string symbol)
    {
        var total = 0m;
        foreach (var ((_, positionSymbol), position) in _positions)
        {
            if (position.Size > 0m && string.Equals(positionSymbol, symbol, StringComparison.Ordinal))
            {
                total += position.Size;
            }
        }

        return total;
    }

    /// <summary>An account's margin figures at the current mark prices (its flex collateral, positions and open Futures orders only).</summary>
    public MarginSummary Summary(string account) => MarginCalculator.Summarise(State(account, null), _marks);

    /// <summary>What margin reads about one account; with <paramref name="batch"/>, including that batch's balances and positions.</summary>
    public MarginAccountState State(string account, TradingBatch? batch, string? excludingOrderId = null)
    {
        var collateral = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var asset in AssetCatalog.All)
        {
            var balance = batch?.Balance(account, Wallet.FuturesFlex, asset.Id) ?? ledger.Balance(account, Wallet.FuturesFlex, asset.Id);
            if (balance != 0m)
            {
                collateral[asset.Id] = balance;
            }
        }

        var pending = batch is not null && ReferenceEquals(batch, _pendingBatch);
        var positions = _positions.Keys.Where(k => k.Account == account)
            .Select(k => pending && _pendingPositions.TryGetValue(k, out var moved) ? moved : _positions[k])
            .Where(p => !p.IsFlat).ToList();
        if (pending)
        {
            positions.AddRange(_pendingPositions.Where(p => p.Key.Account == account && !_positions.ContainsKey(p.Key) && !p.Value.IsFlat).Select(p => p.Value));
        }

        var orders = trading.OpenOf(account).Where(o => o.Venue == TradingVenue.Futures && o.Id != excludingOrderId)
            .Select(o => new MarginOrder(o.Symbol, o.Side == Side.Buy ? o.Remaining : -o.Remaining)).ToList();
        return new MarginAccountState(collateral, positions, orders);
    }

    /// <summary>Moves the position of one side of a fill inside <paramref name="batch"/> (settlement); committed positions follow the trades in <see cref="Apply"/>.</summary>
    public PositionFill ApplyPendingFill(TradingBatch batch, string account, string symbol, decimal signedQuantity, decimal price)
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
    public decimal MarginHold(string account, Wallet wallet, string asset)
    {
        if (wallet != Wallet.FuturesFlex || account.StartsWith('@'))
        {
            return 0m;
        }

        var state = State(account, null);
        if (state.Positions.Count == 0 && state.Orders.Count == 0)
        {
            return 0m;
        }

        var balance = state.Collateral.GetValueOrDefault(asset);
        var free = Math.Max(0m, MarginCalculator.Summarise(state, _marks).AvailableMargin) / MarginCalculator.UsdValue(asset, _marks);
        return Math.Max(0m, balance - free);
    }

    /// <summary>At start-up, before any trade: the positions retention carried.</summary>
    public void LoadCarries(IReadOnlyList<PositionCarry>? carries)
    {
        foreach (var carry in carries ?? [])
        {
            _carries[(carry.Account, carry.Position.Symbol)] = carry.Position;
            _positions[(carry.Account, carry.Position.Symbol)] = carry.Position;
        }
    }

    /// <summary>Retention folded removed trades into these carries (positions are unchanged: carry + remaining trades replay to them).</summary>
    public void Carry(IReadOnlyList<PositionCarry> carries)
    {
        foreach (var carry in carries)
        {
            _carries[(carry.Account, carry.Position.Symbol)] = carry.Position;
        }
    }

    /// <summary>Folds committed Futures trades into the positions (at start-up and after every commit), exactly as settlement computed them.</summary>
    public void Apply(IReadOnlyList<SandboxTrade> trades)
    {
        foreach (var trade in trades)
        {
            if (trade.Venue != TradingVenue.Futures)
            {
                continue;
            }

            var key = (trade.Account, trade.Symbol);
            var position = _positions.GetValueOrDefault(key) ?? FuturesPosition.Flat(trade.Symbol, trade.Time);
            _positions[key] = position.Apply(trade.Side == Side.Buy ? trade.Volume : -trade.Volume, trade.Price, trade.Time, FuturesSettlement.UsdDecimals).Position;
        }

        if (trades.Count > 0)
        {
            _pendingBatch = null;
            _pendingPositions.Clear();
        }
    }
}
