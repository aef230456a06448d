using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Fees;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Matching;
using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// The trading core: one matching book per symbol, every order version and trade, the holds of open orders, the
/// trading counters, GTD expiry and the dead man's switches, and the venue-neutral order operations (place, amend, edit,
/// cancel) with each venue's settlement (<see cref="IVenueSettlement"/>). An operation validates first (a refused
/// request changes nothing), runs the book, books the fills into one <see cref="TradingBatch"/> and hands it to the
/// exchange's commit; the committed orders and trades enter its indexes only through <see cref="Apply"/>. Not
/// thread-safe: the exchange calls it under its lock. Partial files: <c>.Orders</c> (the operations), <c>.Flow</c>
/// (checking a request, booking a book's events), <c>.Queries</c>, <c>.Deadlines</c>.
/// </summary>
internal sealed partial class TradingCore
{
    private readonly AccountDirectory _accounts;
    private readonly LedgerBook _ledger;
    private readonly FeeVolumes _fees;
    private readonly TimeProvider _time;
    private readonly Action<SandboxChangeSet> _commit;
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
    private long _lastTradeSequence;

    /// <summary>Creates the core; <paramref name="commit"/> writes a change set and applies it to every component (the exchange's).</summary>
    public TradingCore(AccountDirectory accounts, LedgerBook ledger, FeeVolumes fees, TimeProvider time, Action<SandboxChangeSet> commit)
    {
        _accounts = accounts;
        _ledger = ledger;
        _fees = fees;
        _time = time;
        _commit = commit;
        Counters = new TradingCounters(time);
    }

    /// <summary>The Spot trading counters (per account and pair).</summary>
    public TradingCounters Counters { get; }

    /// <summary>
    /// The sequence of the newest trade ever applied (0 before the first): never goes down, not even when retention drops
    /// every trade, so a new trade never reuses a sequence. Readable without the exchange's lock.
    /// </summary>
    public long LastTradeSequence => Volatile.Read(ref _lastTradeSequence);

    /// <summary>How many orders (every version's latest) and trades the core holds.</summary>
    public (int Orders, int Trades) Size => (_orders.Count, _trades.Count);

    /// <summary>The wallet a venue's holds are counted in.</summary>
    public static Wallet HoldWallet(TradingVenue venue) => venue == TradingVenue.Spot ? Wallet.Spot : Wallet.FuturesFlex;

    /// <summary>The book scale of a symbol: Spot pairs by tick size and lot decimals, Futures by tick size and quantity decimals.</summary>
    public static BookScale? ScaleOf(TradingVenue venue, string symbol) => venue switch
    {
        TradingVenue.Spot => PairCatalog.Find(symbol) is { } pair ? new BookScale(pair.TickSize, pair.LotDecimals) : null,
        _ => InstrumentCatalog.Find(symbol) is { } instrument ? new BookScale(instrument.TickSize, instrument.QuantityDecimals) : null,
    };

    /// <summary>The canonical symbol: a Spot pair's id (<c>XXBTZUSD</c>) or a Futures instrument's symbol (<c>PF_XBTUSD</c>).</summary>
    public static string? CanonicalSymbol(TradingVenue venue, string symbol) => venue switch
    {
        TradingVenue.Spot => PairCatalog.Find(symbol)?.Id,
        _ => InstrumentCatalog.Find(symbol)?.Symbol,
    };

    /// <summary>Registers a venue's settlement (the Futures one is margin's).</summary>
    public void AddVenue(TradingVenue venue, IVenueSettlement settlement) => _venues[venue] = settlement;

    /// <summary>A venue's settlement.</summary>
    public IVenueSettlement Settlement(TradingVenue venue) => _venues[venue];

    /// <summary>The amount of <paramref name="asset"/> held by an account's open orders in a wallet.</summary>
    public decimal HoldOf(string account, Wallet wallet, string asset) => _holds.GetValueOrDefault((account, wallet, asset));

    /// <summary>An account's holds in one wallet, by asset (non-zero only).</summary>
    public Dictionary<string, decimal> HoldsByAsset(string account, Wallet wallet) =>
        _holds.Where(h => h.Key.Account == account && h.Key.Wallet == wallet && h.Value != 0)
            .ToDictionary(h => h.Key.Asset, h => h.Value, StringComparer.Ordinal);

    /// <summary>A new batch stamped now, over the committed balances and holds.</summary>
    public TradingBatch NewBatch() => new(_time.GetUtcNow(), _ledger, _lastTradeSequence, HoldOf);

    /// <summary>The next engine id (a synthetic order's, e.g. a liquidation's).</summary>
    public long NextEngineId() => ++_engineSequence;

    /// <summary>The next time priority.</summary>
    public long NextPriority() => ++_prioritySequence;

    /// <summary>
    /// Writes a batch, then applies it. If the store throws, the books the batch touched are rebuilt from the committed
    /// open orders (memory then matches the store again) and the exception propagates.
    /// </summary>
    public void CommitBatch(TradingBatch batch)
    {
        var changes = batch.Seal();
        try
        {
            _commit(changes);
        }
        catch
        {
            foreach (var symbol in batch.TouchedBooks)
            {
                RebuildBook(symbol);
            }

            throw;
        }
    }

    /// <summary>
    /// Applies committed orders and trades (at start-up every stored one, then each commit's); with
    /// <paramref name="changed"/>, adds each order version with the version it replaced (the domain event).
    /// </summary>
    public void Apply(SandboxChangeSet changes, List<OrderChange>? changed)
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

            changed?.Add(new OrderChange(previous, order));
            _orders[order.Id] = order;
            _engineSequence = Math.Max(_engineSequence, order.EngineId);
            _prioritySequence = Math.Max(_prioritySequence, order.Priority);
            if (order.IsOpen)
            {
                Index(order);
            }
        }

        foreach (var trade in changes.Trades)
        {
            _trades.Add(trade);
            Append(_tradesByAccount, trade.Account, trade);
            Append(_tradesByOrder, trade.OrderId, trade);
            if (trade.Sequence > _lastTradeSequence)
            {
                Volatile.Write(ref _lastTradeSequence, trade.Sequence);
            }
        }
    }

    /// <summary>Drops compacted trades and closed orders (retention); open orders are never compacted.</summary>
    public void Remove(SandboxCompaction compaction)
    {
        var trades = compaction.Trades.ToHashSet();
        _trades.RemoveAll(t => trades.Contains(t.Sequence));
        foreach (var list in _tradesByAccount.Values)
        {
            list.RemoveAll(t => trades.Contains(t.Sequence));
        }

        foreach (var id in compaction.Orders)
        {
            if (_orders.Remove(id, out var order))
            {
                _ordersByAccount[order.Account].Remove(id);
            }

            _tradesByOrder.Remove(id);
        }

        foreach (var list in _tradesByOrder.Values)
        {
            list.RemoveAll(t => trades.Contains(t.Sequence));
        }
    }

    /// <summary>At start-up: puts every committed open order back on its book, in time priority.</summary>
    public void Start()
    {
        foreach (var symbol in _openByEngineId.Values.Select(o => o.Symbol).Distinct(StringComparer.Ordinal).ToList())
        {
            RebuildBook(symbol);
        }
    }

    /// <summary>Who self-trade prevention compares on a book: the account on Spot, its family (master) on Futures; and the account itself.</summary>
    public (long Owner, long Account) SelfTradeGroup(TradingVenue venue, string account)
    {
        var own = OwnerOf(account);
        return venue == TradingVenue.Futures ? (OwnerOf(_accounts.FamilyOf(account)), own) : (own, own);
    }

    private static void Append<T>(Dictionary<string, List<T>> index, string key, T item)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(item);
    }

    private void Index(SandboxOrder order)
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
}
