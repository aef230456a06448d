using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// The changes of one trading operation while it is being built: new order versions, trades and ledger entries (booked
/// through one <see cref="LedgerPosting"/>, with running balances). Committed to the store as one transaction, then
/// applied; nothing in it is visible before that.
/// </summary>
internal sealed class TradingBatch
{
    private readonly Func<string, Wallet, string, decimal> _committedHolds;
    private readonly Dictionary<string, SandboxOrder> _orders = new(StringComparer.Ordinal);
    private readonly LedgerPosting _posting;

    public TradingBatch(DateTimeOffset now, LedgerBook ledger, long lastTradeSequence, Func<string, Wallet, string, decimal> committedHolds)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        Now = now;
        TradeSequence = lastTradeSequence;
        _committedHolds = committedHolds;
        _posting = ledger.Begin(now, Changes.Entries);
    }

    /// <summary>The operation's time (every entry, order and trade is stamped with it).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>What will be written.</summary>
    public SandboxChangeSet Changes { get; } = new();

    /// <summary>The last trade sequence used.</summary>
    public long TradeSequence { get; set; }

    /// <summary>Symbols whose books this batch changed (rebuilt from the store's state if the commit fails).</summary>
    public HashSet<string> TouchedBooks { get; } = new(StringComparer.Ordinal);

    /// <summary>Order versions written by this batch, by txid.</summary>
    public IReadOnlyDictionary<string, SandboxOrder> Orders => _orders;

    /// <summary>A balance including this batch's entries.</summary>
    public decimal Balance(string account, Wallet wallet, string asset) => _posting.Balance(account, wallet, asset);

    /// <summary>Balance minus the holds of the open orders as committed (this batch's order versions not counted).</summary>
    public decimal Available(string account, Wallet wallet, string asset) => Balance(account, wallet, asset) - _committedHolds(account, wallet, asset);

    /// <summary>Books one ledger entry: the balance moves by <paramref name="amount"/> − <paramref name="fee"/> (Kraken's convention).</summary>
    public LedgerEntry Book(string refId, LedgerEntryType type, string account, Wallet wallet, string asset, decimal amount, decimal fee = 0m) =>
        _posting.Book(refId, type, account, wallet, asset, amount, fee);

    /// <summary>Records a new version of an order (the last one per txid wins).</summary>
    public void Put(SandboxOrder order)
    {
        _orders[order.Id] = order;
    }

    /// <summary>Moves the recorded order versions and the trades into <see cref="Changes"/>.</summary>
    public SandboxChangeSet Seal()
    {
        Changes.Orders.AddRange(_orders.Values);
        return Changes;
    }
}
