using Bulkhead.Sandbox.Accounts;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Fees;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Storage;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox;

/// <summary>
/// The sandbox's domain, with no HTTP and no SQL inside: the façade the API modules call, over components that own their
/// state — <see cref="AccountDirectory"/>, <see cref="KeyRegistry"/> and <see cref="NonceMarks"/>, <see cref="LedgerBook"/>
/// (one booking path, <see cref="LedgerPosting"/>), <see cref="TradingCore"/> with <see cref="FeeVolumes"/>, and
/// margin (<see cref="MarginBook"/>, <see cref="Liquidator"/>, <see cref="FundingDesk"/>, <see cref="FuturesDesk"/>).
/// One writer: every operation runs under one lock, validates first, then hands its changes to the store in one
/// transaction (<see cref="Commit"/>), then applies them to the components and publishes the domain events: a refused
/// operation, or one the store could not write, changes no state. Each private request commits once: its nonce mark
/// rides in the same change set. Partial files in this folder, one per concern of the façade.
/// </summary>
public sealed partial class SandboxExchange : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ISandboxStore _store;
    private readonly TimeProvider _time;
    private readonly AccountDirectory _accounts = new();
    private readonly KeyRegistry _keys = new();
    private readonly NonceMarks _nonces = new();
    private readonly LedgerBook _ledger = new();
    private readonly FeeVolumes _fees;
    private readonly TradingCore _trading;
    private readonly MarginBook _margin;
    private readonly Liquidator _liquidator;
    private readonly FundingDesk _funding;
    private readonly SelfTradeStrategies _selfTrade;
    private readonly LeveragePreferences _leverage = new();
    private readonly FuturesDesk _futures;
    private readonly ITimer _tick;
    private SocketTokens? _tokens;

    /// <summary>Opens the exchange on a store, loading what it holds.</summary>
    public SandboxExchange(ISandboxStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _fees = new FeeVolumes(_accounts, time);
        _trading = new TradingCore(_accounts, _ledger, _fees, time, Commit);
        _margin = new MarginBook(_ledger, _trading);
        _trading.AddVenue(TradingVenue.Futures, new FuturesSettlement(_margin));
        _liquidator = new Liquidator(_margin, _trading);
        _funding = new FundingDesk(_ledger, _margin, _liquidator, time, Commit);
        _selfTrade = new SelfTradeStrategies(_accounts);
        _futures = new FuturesDesk(_accounts, _trading, _margin, _selfTrade, _liquidator);

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
        _margin.LoadCarries(snapshot.Carries);
        Apply(changes, null);
        _trading.Start();
        _tick = _time.CreateTimer(static state => ((SandboxExchange)state!).Tick(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
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
        _tick.Dispose();
        _store.Dispose();
    }

    /// <summary>
    /// The one write path; the caller holds the lock. Adds the nonce marks not yet durable, checks that every ledger
    /// movement balances, writes the change set in one transaction, applies it to every component (which emit the domain
    /// events), publishes them, then runs the cross-component follow-up (a liquidation check after Futures fills). If the
    /// store throws, memory is unchanged.
    /// </summary>
    private void Commit(SandboxChangeSet changes)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        _nonces.AddPending(changes.Nonces);
        LedgerBook.EnsureBalanced(changes.Entries);
        _store.Commit(changes);
        var publish = Events.HasListeners && (changes.Orders.Count > 0 || changes.Trades.Count > 0 || changes.Entries.Count > 0);
        var orders = publish ? new List<OrderChange>(changes.Orders.Count) : null;
        Apply(changes, orders);
        if (orders is not null)
        {
            Events.Publish(new CommittedChanges(orders, [.. changes.Trades], [.. changes.Entries], _time.GetUtcNow()));
        }

        _liquidator.AfterCommit(changes);
    }

    private void Apply(SandboxChangeSet changes, List<OrderChange>? orders)
    {
        _accounts.Apply(changes.Accounts);
        _keys.Apply(changes.Keys);
        _nonces.Written(changes.Nonces);
        _ledger.Apply(changes.Entries);
        _trading.Apply(changes, orders);
        _fees.Apply(changes.Trades);
        _margin.Apply(changes.Trades);
        _funding.Apply(changes.Entries);
    }

    /// <summary>Once a second on the exchange's clock: expiries, dead man's switches, the funding hour.</summary>
    private void Tick()
    {
        try
        {
            lock (_gate)
            {
                _trading.RunDeadlines();
                _funding.Settle();
            }
        }
#pragma warning disable CA1031 // A timer callback must not throw; the next operation or tick retries (the store state is unchanged).
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
