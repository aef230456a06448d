using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Benchmarks.Matching;

/// <summary>
/// A deterministic add/cancel/take order flow that keeps a book at about <see cref="Depth"/> resting orders.
/// <para>
/// Prices are integer ticks around a fixed mid: bids rest at mid − offset, asks at mid + offset, offset ≥ 1, so adds
/// never cross. Offsets follow <c>1 + levels × u³</c> (u uniform): half of the adds land in the nearest eighth of the
/// price range, a few far out, as in a real book; <c>levels = max(8, depth / 40)</c> price levels per side (about 20
/// orders a level). The initial book is drawn from the same distribution, so the flow starts in its steady state.
/// </para>
/// <para>
/// Each step: below 98 % of the depth it adds, above 102 % it cancels; otherwise 50 % adds (1–100 lots), 35 % cancels
/// of a uniformly chosen resting order, 15 % takes (a market order of 1–100 lots on a random side, about one resting
/// order's worth), which balances adds against removals. Makers have 1,000 owners, the taker its own, so no
/// self-trade prevention fires. Resting order ids are recycled from a free list; the flow's own bookkeeping is a few
/// array writes per step (it is also the listener: a maker fully filled leaves its live set).
/// </para>
/// </summary>
public sealed class OrderFlow : IMatchListener
{
    private const long Mid = 1_000_000_000;
    private const long TakerId = -1;

    private readonly int[] _live;
    private readonly int[] _position;
    private readonly int[] _free;
    private readonly int _levels;
    private int _liveCount;
    private long _adds;
    private long _cancels;
    private long _takes;
    private long _fills;
    private int _freeCount;
    private ulong _state;

    /// <summary>Creates a flow and an empty book.</summary>
    /// <param name="depth">The number of resting orders to keep.</param>
    /// <param name="seed">The random seed (any value; same seed, same flow).</param>
    public OrderFlow(int depth, ulong seed = 0x9E3779B97F4A7C15)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 10);
        Depth = depth;
        _levels = Math.Max(8, depth / 40);
        var capacity = depth + (depth / 10) + 16;
        _live = new int[capacity];
        _position = new int[capacity];
        _free = new int[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _free[i] = capacity - 1 - i;
        }

        _freeCount = capacity;
        _state = seed | 1;
    }

    /// <summary>The book the flow drives.</summary>
    public OrderBook Book { get; } = new("BENCH/USD");

    /// <summary>The target number of resting orders.</summary>
    public int Depth { get; }

    /// <summary>Adds, cancels, takes and fills so far.</summary>
    public (long Adds, long Cancels, long Takes, long Fills) Counts => (_adds, _cancels, _takes, _fills);

    /// <summary>Fills the book to <see cref="Depth"/> orders, each side worst price first (cheap appends).</summary>
    public void Populate()
    {
        var offsets = new long[Depth];
        for (var i = 0; i < Depth; i++)
        {
            offsets[i] = Offset();
        }

        Array.Sort(offsets);
        for (var i = Depth - 1; i >= 0; i--)
        {
            Add(i % 2 == 0 ? Side.Buy : Side.Sell, offsets[i], Quantity());
        }
    }

    /// <summary>Runs <paramref name="operations"/> steps.</summary>
    public void Run(int operations)
    {
        for (var i = 0; i < operations; i++)
        {
            _ = Step();
        }
    }

    /// <summary>One add, cancel or take.</summary>
    /// <returns>Which it was: 0 add, 1 cancel, 2 take.</returns>
    public int Step()
    {
        var low = _liveCount < Depth - (Depth / 50);
        var high = _liveCount > Depth + (Depth / 50);
        var roll = Next(100);
        if (low || (!high && roll < 50))
        {
            Add(Next(2) == 0 ? Side.Buy : Side.Sell, Offset(), Quantity());
            return 0;
        }

        if (high || roll < 85)
        {
            var id = _live[Next(_liveCount)];
            Book.Cancel(id, this);
            Forget(id);
            _cancels++;
            return 1;
        }

        var order = new NewOrder(TakerId, 0, Next(2) == 0 ? Side.Buy : Side.Sell, OrderKind.Market, 0, Quantity());
        Book.Submit(order, this);
        _takes++;
        return 2;
    }

    /// <inheritdoc/>
    public void OnFill(in Fill fill)
    {
        _fills++;
        if (fill.MakerRemaining == 0)
        {
            Forget((int)fill.MakerOrderId);
        }
    }

    /// <inheritdoc/>
    public void OnRested(long orderId, long remaining)
    {
    }

    /// <inheritdoc/>
    public void OnCancelled(long orderId, long remaining, CancelReason reason)
    {
    }

    private void Add(Side side, long offset, long quantity)
    {
        var id = _free[--_freeCount];
        _position[id] = _liveCount;
        _live[_liveCount++] = id;
        var price = side == Side.Buy ? Mid - offset : Mid + offset;
        Book.Submit(new NewOrder(id, 1 + Next(1000), side, OrderKind.Limit, price, quantity), this);
        _adds++;
    }

    private void Forget(int id)
    {
        var at = _position[id];
        var last = _live[--_liveCount];
        _live[at] = last;
        _position[last] = at;
        _free[_freeCount++] = id;
    }

    private long Offset()
    {
        var u = (Next(1 << 20) + 0.5) / (1 << 20);
        return 1 + (long)(_levels * u * u * u);
    }

    private long Quantity() => 1 + Next(100);

    // xorshift64*: fast, deterministic, good enough to pick orders.
    private int Next(int bound)
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return (int)((unchecked(_state * 0x2545F4914F6CDD1DUL) >> 33) % (uint)bound);
    }
}
