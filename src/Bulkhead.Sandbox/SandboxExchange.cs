using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox;

/// <summary>
/// The sandbox's domain: accounts, keys and the double-entry ledger, with no HTTP and no SQL inside. Every mutating
/// operation validates first, then hands its changes to the store in one transaction, then applies them in memory: a
/// refused operation, or one the store could not write, changes no state. Thread-safe: one lock around everything.
/// Partial files: <c>SandboxExchange.Accounts.cs</c>, <c>.Ledger.cs</c>, <c>.Keys.cs</c>; the trading core in <c>Trading/</c>
/// (<c>.Trading.cs</c>, <c>.Orders.cs</c>, <c>.OrderFlow.cs</c>, <c>.OrderQueries.cs</c>, <c>.Deadlines.cs</c>, <c>.TradingLimits.cs</c>) and <c>Fees/</c>.
/// </summary>
public sealed partial class SandboxExchange : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ISandboxStore _store;
    private readonly TimeProvider _time;
    private readonly AccountDirectory _accounts = new();
    private readonly LedgerBook _ledger = new();
    private readonly KeyRegistry _keys = new();
    private readonly NonceMarks _nonces = new();
    private SocketTokens? _tokens;

    /// <summary>Opens the exchange on a store, loading what it holds.</summary>
    public SandboxExchange(ISandboxStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        var snapshot = store.Load();
        var changes = new SandboxChangeSet();
        changes.Accounts.AddRange(snapshot.Accounts);
        changes.Keys.AddRange(snapshot.Keys);
        changes.Entries.AddRange(snapshot.Entries.OrderBy(e => e.Sequence));
        foreach (var (key, nonce) in snapshot.Nonces)
        {
            changes.Nonces[key] = nonce;
        }

        changes.Orders.AddRange(snapshot.Orders);
        changes.Trades.AddRange(snapshot.Trades.OrderBy(t => t.Sequence));
        LoadCarries(snapshot.Carries);
        Apply(changes);
        StartTrading();
    }

    /// <summary>The WebSocket tokens handed out by <c>GetWebSocketsToken</c>, bound to their keys.</summary>
    public SocketTokens Tokens => _tokens ??= new SocketTokens(this);

    /// <summary>The domain events: every committed order version, trade and ledger entry, once, in commit order.</summary>
    public ExchangeEvents Events { get; } = new();

    /// <summary>The clock the exchange books with.</summary>
    public TimeProvider Time => _time;

    /// <inheritdoc />
    public void Dispose()
    {
        StopDeadlines();
        _store.Dispose();
    }

    /// <summary>Writes then applies; the caller holds the lock. If the store throws, memory is unchanged.</summary>
    private void Commit(SandboxChangeSet changes)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        _nonces.AddPending(changes.Nonces);
        LedgerBook.EnsureBalanced(changes.Entries);
        _store.Commit(changes);
        if (!Events.HasListeners || (changes.Orders.Count == 0 && changes.Trades.Count == 0 && changes.Entries.Count == 0))
        {
            Apply(changes);
            return;
        }

        var orders = new OrderChange[changes.Orders.Count];
        for (var i = 0; i < orders.Length; i++)
        {
            var order = changes.Orders[i];
            orders[i] = new OrderChange(_orders.GetValueOrDefault(order.Id), order);
        }

        Apply(changes);
        Events.Publish(new CommittedChanges(orders, [.. changes.Trades], [.. changes.Entries], _time.GetUtcNow()));
    }

    private void Apply(SandboxChangeSet changes)
    {
        _accounts.Apply(changes.Accounts);
        _keys.Apply(changes.Keys);

        _ledger.Apply(changes.Entries);
        _nonces.Written(changes.Nonces);

        ApplyTrading(changes);
        ApplyFutures(changes);
        ApplyFunding(changes);
    }
}
