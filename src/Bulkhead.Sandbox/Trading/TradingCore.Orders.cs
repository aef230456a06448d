using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Trading;

/// <summary>
/// The venue-neutral order operations: place, amend, edit (cancel and replace), cancel. Each first fires what is due
/// (expiry, dead man's switches), validates (a refused request changes nothing), then runs the book, books the fills
/// through the venue's settlement, commits one change set, and charges the trading counter.
/// </summary>
internal sealed partial class TradingCore
{
    /// <summary>Places an order on its venue's book (Spot endpoints, the Futures desk and the market call this).</summary>
    public SandboxResult<SandboxOrderOutcome> Place(SandboxOrderRequest request)
    {
        RunDeadlines();
        var batch = NewBatch();
        var prepared = Prepare(batch, request, null, SpotTradingCosts.AddOrder);
        if (!prepared.Success)
        {
            return SandboxResult<SandboxOrderOutcome>.Fail(prepared.Rejection.Value, prepared.Detail);
        }

        var order = prepared.Value;
        if (request.ValidateOnly)
        {
            return SandboxResult<SandboxOrderOutcome>.Ok(new SandboxOrderOutcome(order with { Id = string.Empty }, [], []));
        }

        var scale = ScaleOf(order.Venue, order.Symbol)!.Value;
        var working = new Dictionary<long, SandboxOrder> { [order.EngineId] = order };
        var events = new MatchEvents();
        batch.TouchedBooks.Add(order.Symbol);
        Submit(BookOf(order.Symbol), order, scale, events);
        var outcome = Settle(batch, scale, events, working, order.EngineId);
        CommitBatch(batch);
        Counters.Charge(order.Account, order.Venue, order.Symbol, SpotTradingCosts.AddOrder);
        return SandboxResult<SandboxOrderOutcome>.Ok(outcome);
    }

    /// <summary>
    /// Amends an open order in place (Kraken AmendOrder: the txid stays): a new total volume and/or limit price. It keeps
    /// its time priority when the price is unchanged and the volume does not grow; if the new price crosses, it takes.
    /// </summary>
    public SandboxResult<SandboxOrderOutcome> Amend(string account, string orderId, decimal? newVolume, decimal? newPrice)
    {
        RunDeadlines();
        if (FindOpen(account, orderId) is not { } old)
        {
            return SandboxResult<SandboxOrderOutcome>.Fail(SandboxRejection.UnknownOrder, $"'{account}' has no open order '{orderId}'");
        }

        var volume = newVolume ?? old.Volume;
        var price = newPrice ?? old.Price;
        if (volume <= old.Executed)
        {
            return SandboxResult<SandboxOrderOutcome>.Fail(SandboxRejection.InvalidVolume, $"the new volume {volume} must exceed the executed volume {old.Executed}");
        }

        var batch = NewBatch();
        var penalty = SpotTradingCosts.AmendCost(batch.Now - old.OpenedAt);
        var request = new SandboxOrderRequest(account, old.Venue, old.Symbol, old.Side, old.Kind, volume, price, old.TimeInForce, old.ExpiresAt, old.Flags, old.SelfTrade, old.ReduceOnly, old.UserRef, old.ClientOrderId);
        var prepared = Prepare(batch, request, old, penalty);
        if (!prepared.Success)
        {
            return SandboxResult<SandboxOrderOutcome>.Fail(prepared.Rejection.Value, prepared.Detail);
        }

        var scale = ScaleOf(old.Venue, old.Symbol)!.Value;
        var keepsPriority = price == old.Price && volume - old.Executed <= old.Remaining;
        var amended = prepared.Value with { Priority = keepsPriority ? old.Priority : ++_prioritySequence };
        var working = new Dictionary<long, SandboxOrder> { [old.EngineId] = amended };
        var events = new MatchEvents();
        batch.TouchedBooks.Add(old.Symbol);
        var status = BookOf(old.Symbol).Amend(old.EngineId, scale.ToTicks(amended.Price!.Value), scale.ToLots(amended.Remaining), events);
        if (status != AmendStatus.Amended)
        {
            return SandboxResult<SandboxOrderOutcome>.Fail(SandboxRejection.InvalidOrder, "the amended post-only order would take liquidity");
        }

        batch.Put(amended);
        var outcome = Settle(batch, scale, events, working, old.EngineId);
        CommitBatch(batch);
        Counters.Charge(account, old.Venue, old.Symbol, penalty);
        return SandboxResult<SandboxOrderOutcome>.Ok(outcome);
    }

    /// <summary>
    /// Replaces an open order (Kraken EditOrder): the original is cancelled and a new order (new txid) is placed with the
    /// given changes, in one transaction. The new volume is the total wanted; what the original already filled is
    /// subtracted. A refused replacement leaves the original untouched.
    /// </summary>
    public SandboxResult<SandboxOrderOutcome> Edit(string account, string orderId, decimal? newVolume, decimal? newPrice, long? newUserRef)
    {
        RunDeadlines();
        if (FindOpen(account, orderId) is not { } old)
        {
            return SandboxResult<SandboxOrderOutcome>.Fail(SandboxRejection.UnknownOrder, $"'{account}' has no open order '{orderId}'");
        }

        var volume = (newVolume ?? old.Volume) - old.Executed;
        if (volume <= 0)
        {
            return SandboxResult<SandboxOrderOutcome>.Fail(SandboxRejection.InvalidVolume, $"the new volume must exceed the executed volume {old.Executed}");
        }

        var batch = NewBatch();
        var penalty = SpotTradingCosts.EditCost(batch.Now - old.OpenedAt);
        var request = new SandboxOrderRequest(account, old.Venue, old.Symbol, old.Side, old.Kind, volume, newPrice ?? old.Price, old.TimeInForce, old.ExpiresAt, old.Flags, old.SelfTrade, old.ReduceOnly, newUserRef ?? old.UserRef, ClientOrderId: null);
        var prepared = Prepare(batch, request, old, penalty, replaceWithNewId: true);
        if (!prepared.Success)
        {
            return SandboxResult<SandboxOrderOutcome>.Fail(prepared.Rejection.Value, prepared.Detail);
        }

        var scale = ScaleOf(old.Venue, old.Symbol)!.Value;
        var order = prepared.Value;
        var working = new Dictionary<long, SandboxOrder> { [old.EngineId] = old, [order.EngineId] = order };
        var events = new MatchEvents();
        batch.TouchedBooks.Add(old.Symbol);
        var book = BookOf(old.Symbol);
        book.Cancel(old.EngineId, events);
        Submit(book, order, scale, events);
        var outcome = Settle(batch, scale, events, working, order.EngineId, replacedId: old.EngineId);
        CommitBatch(batch);
        Counters.Charge(account, old.Venue, old.Symbol, penalty);
        return SandboxResult<SandboxOrderOutcome>.Ok(outcome);
    }

    /// <summary>Cancels every open order of an account that <paramref name="which"/> selects (possibly none); returns them as cancelled.</summary>
    public List<SandboxOrder> CancelWhere(string account, Func<SandboxOrder, bool> which)
    {
        RunDeadlines();
        var victims = OpenOf(account).Where(which).ToList();
        return Cancel(victims, SandboxOrderStatus.Canceled, CancelReasons.User, charge: true);
    }

    /// <summary>Removes orders from their books and records them closed with <paramref name="status"/>, in one transaction.</summary>
    public List<SandboxOrder> Cancel(List<SandboxOrder> victims, SandboxOrderStatus status, string reason, bool charge)
    {
        if (victims.Count == 0)
        {
            return [];
        }

        var batch = NewBatch();
        var closed = new List<SandboxOrder>(victims.Count);
        var silent = new MatchEvents();
        foreach (var order in victims)
        {
            batch.TouchedBooks.Add(order.Symbol);
            BookOf(order.Symbol).Cancel(order.EngineId, silent);
            var done = order with { Status = status, ClosedAt = batch.Now, Reason = reason, Hold = 0m };
            batch.Put(done);
            closed.Add(done);
        }

        CommitBatch(batch);
        if (charge)
        {
            foreach (var order in victims)
            {
                Counters.Charge(order.Account, order.Venue, order.Symbol, SpotTradingCosts.CancelPenalty(batch.Now - order.OpenedAt));
            }
        }

        return closed;
    }

    /// <summary>An account's open order by txid, or null.</summary>
    public SandboxOrder? FindOpen(string account, string orderId) =>
        _orders.TryGetValue(orderId, out var order) && order.Account == account && order.IsOpen ? order : null;

    private void Submit(OrderBook book, SandboxOrder order, BookScale scale, MatchEvents events)
    {
        var group = SelfTradeGroup(order.Venue, order.Account);
        book.Submit(new NewOrder(order.EngineId, group.Owner, order.Side, order.Kind, order.Price is { } p ? scale.ToTicks(p) : 0, scale.ToLots(order.Volume), order.TimeInForce, order.Flags.HasFlag(SandboxOrderConditions.PostOnly), order.SelfTrade, group.Account), events);
    }
}
