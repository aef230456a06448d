using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;

#pragma warning disable IDE0130 // One class split by concern across the concept folders.
namespace Bulkhead.Sandbox;
#pragma warning restore IDE0130

/// <summary>The trading core's state: books, orders, trades, holds, and how a committed change set is applied to them.</summary>
public sealed partial class SandboxExchange
{
    private readonly Dictionary<TradingVenue, IVenueSettlement> _venues = new() { [TradingVenue.Spot] = new SpotSettlement() };
    private readonly Dictionary<string, OrderBook> _books = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SandboxOrder> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<long, SandboxOrder> _openByEngineId = [];
    private readonly Dictionary<string, List<string>> _ordersByAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<long, SandboxOrder>> _openByAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, Wallet Wallet, string Asset), decimal> _holds = [];
    private readonly Dictionary<(string Account, string Symbol), int> _openCounts = [];
    private readonly List<SandboxTrade> _trades = [];
    private readonly Dictionary<string, List<SandboxTrade>> _tradesByAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SandboxTrade>> _tradesByOrder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _owners = new(StringComparer.Ordinal);
    private int _openWithExpiry;
    private long _engineSequence;
    private long _prioritySequence;

    /// <summary>Lets the Futures module register its settlement (<c>Margin/</c>); no-op until it does.</summary>
    partial void AddVenueSettlements(Dictionary<TradingVenue, IVenueSettlement> venues);

    /// <summary>The wallet a venue's holds are counted in.</summary>
    internal static Wallet HoldWallet(TradingVenue venue) => venue == TradingVenue.Spot ? Wallet.Spot : Wallet.FuturesFlex;

    /// <summary>The book scale of a symbol: Spot pairs by tick size and lot decimals, Futures by tick size and quantity decimals.</summary>
    internal static BookScale? ScaleOf(TradingVenue venue, string symbol) => venue switch
    {
        TradingVenue.Spot => PairCatalog.Find(symbol) is { } pair ? new BookScale(pair.TickSize, pair.LotDecimals) : null,
        _ => InstrumentCatalog.Find(symbol) is { } instrument ? new BookScale(instrument.TickSize, instrument.QuantityDecimals) : null,
    };

    /// <summary>The canonical symbol: a Spot pair's id (<c>XXBTZUSD</c>) or a Futures instrument's symbol (<c>PF_XBTUSD</c>).</summary>
    internal static string? CanonicalSymbol(TradingVenue venue, string symbol) => venue switch
    {
        TradingVenue.Spot => PairCatalog.Find(symbol)?.Id,
        _ => InstrumentCatalog.Find(symbol)?.Symbol,
    };

    /// <summary>The amount of <paramref name="asset"/> held by an account's open orders in a wallet.</summary>
    public decimal Holds(string account, Wallet wallet, string asset)
    {
        lock (_gate)
        {
            return HoldOf(account, wallet, asset);
        }
    }

    /// <summary>An account's holds in one wallet, by asset (non-zero only).</summary>
    public IReadOnlyDictionary<string, decimal> HoldsByAsset(string account, Wallet wallet)
    {
        lock (_gate)
        {
            return _holds.Where(h => h.Key.Account == account && h.Key.Wallet == wallet && h.Value != 0)
                .ToDictionary(h => h.Key.Asset, h => h.Value, StringComparer.Ordinal);
        }
    }

    private decimal HoldOf(string account, Wallet wallet, string asset) => _holds.GetValueOrDefault((account, wallet, asset));

    private long OwnerOf(string account)
    {
        if (!_owners.TryGetValue(account, out var owner))
        {
            _owners[account] = owner = _owners.Count + 1;
        }

        return owner;
    }

    private OrderBook BookOf(string symbol)
    {
        if (!_books.TryGetValue(symbol, out var book))
        {
            _books[symbol] = book = new OrderBook(symbol);
        }

        return book;
    }

    private TradingBatch NewBatch() => new(_time.GetUtcNow(), _ledger, _trades.Count == 0 ? 0 : _trades[^1].Sequence, HoldOf);

    /// <summary>
    /// Writes a batch, then applies it. If the store throws, the books the batch touched are rebuilt from the committed
    /// open orders (memory then matches the store again) and the exception propagates.
    /// </summary>
    private void CommitBatch(TradingBatch batch)
    {
        var changes = batch.Seal();
        try
        {
            Commit(changes);
        }
        catch
        {
            foreach (var symbol in batch.TouchedBooks)
            {
                RebuildBook(symbol);
            }

            throw;
        }

        AfterTradingCommit(changes);
    }

    /// <summary>Lets the Futures module react to committed fills (liquidation checks, <c>Margin/</c>); no-op until it does.</summary>
    partial void AfterTradingCommit(SandboxChangeSet changes);

    /// <summary>Applies committed orders and trades to memory (called by <see cref="Apply"/>).</summary>
    private void ApplyTrading(SandboxChangeSet changes)
    {
        foreach (var order in changes.Orders)
        {
            if (_orders.TryGetValue(order.Id, out var previous))
            {
                Unindex(previous);
            }
            else
            {
                Append(_ordersByAccount, order.Account, order.Id);
            }

            _orders[order.Id] = order;
            _engineSequence = Math.Max(_engineSequence, order.EngineId);
            _prioritySequence = Math.Max(_prioritySequence, order.Priority);
            if (order.IsOpen)
            {
                _openByEngineId[order.EngineId] = order;
                if (!_openByAccount.TryGetValue(order.Account, out var open))
                {
                    _openByAccount[order.Account] = open = [];
                }

                open[order.EngineId] = order;
                _openWithExpiry += order.ExpiresAt is null ? 0 : 1;
                _openCounts[(order.Account, order.Symbol)] = _openCounts.GetValueOrDefault((order.Account, order.Symbol)) + 1;
                if (order.HoldAsset is { } asset)
                {
                    var key = (order.Account, HoldWallet(order.Venue), asset);
                    _holds[key] = _holds.GetValueOrDefault(key) + order.Hold;
                }
            }
        }

        foreach (var trade in changes.Trades)
        {
            _trades.Add(trade);
            Append(_tradesByAccount, trade.Account, trade);
            Append(_tradesByOrder, trade.OrderId, trade);
            AddVolume(trade);
        }
    }

    private void Unindex(SandboxOrder order)
    {
        if (!order.IsOpen)
        {
            return;
        }

        _openByEngineId.Remove(order.EngineId);
        _openByAccount[order.Account].Remove(order.EngineId);
        _openWithExpiry -= order.ExpiresAt is null ? 0 : 1;
        _openCounts[(order.Account, order.Symbol)]--;
        if (order.HoldAsset is { } asset)
        {
            var key = (order.Account, HoldWallet(order.Venue), asset);
            _holds[key] = _holds.GetValueOrDefault(key) - order.Hold;
        }
    }

    private static void Append<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(item);
    }

    /// <summary>Empties a book and puts back the committed open orders of its symbol, in time priority.</summary>
    private void RebuildBook(string symbol)
    {
        var book = BookOf(symbol);
        book.Clear();
        var silent = new MatchEvents();
        foreach (var order in _openByEngineId.Values.Where(o => o.Symbol == symbol).OrderBy(o => o.Priority))
        {
            var scale = ScaleOf(order.Venue, order.Symbol)!.Value;
            var group = SelfTradeGroup(order.Venue, order.Account);
            book.Submit(new NewOrder(order.EngineId, group.Owner, order.Side, OrderKind.Limit, scale.ToTicks(order.Price!.Value), scale.ToLots(order.Remaining), TimeInForce.GoodTillCancelled, PostOnly: false, order.SelfTrade, group.Account), silent);
        }
    }

    /// <summary>At start-up: registers the venues and puts every committed open order back on its book.</summary>
    private void StartTrading()
    {
        AddVenueSettlements(_venues);
        foreach (var symbol in _openByEngineId.Values.Select(o => o.Symbol).Distinct(StringComparer.Ordinal).ToList())
        {
            RebuildBook(symbol);
        }

        StartDeadlines();
    }
}
