using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Matching;

namespace Bulkhead.Sandbox.Trading;

/// <summary>The two halves every order operation shares: checking a request into an order, and booking a book's events.</summary>
internal sealed partial class TradingCore
{
    /// <summary>The largest volume and the largest price an order may carry (their product still fits a decimal with fees).</summary>
    public const decimal MaxOrderAmount = 1_000_000_000_000m;

    /// <summary>
    /// Checks a request and builds the order it would place (not yet on the book, nothing written). With
    /// <paramref name="replacing"/>, the order's hold may reuse the replaced version's; unless
    /// <paramref name="replaceWithNewId"/>, the result keeps the replaced order's identity (amend).
    /// </summary>
    private SandboxResult<SandboxOrder> Prepare(TradingBatch batch, SandboxOrderRequest request, SandboxOrder? replacing, decimal rateCost, bool replaceWithNewId = false)
    {
        static SandboxResult<SandboxOrder> Fail(SandboxRejection rejection, string detail) => SandboxResult<SandboxOrder>.Fail(rejection, detail);

        if (_accounts.Find(request.Account) is null && !request.Account.StartsWith('@'))
        {
            return Fail(SandboxRejection.UnknownAccount, $"account '{request.Account}' does not exist");
        }

        if (CanonicalSymbol(request.Venue, request.Symbol) is not { } symbol || ScaleOf(request.Venue, symbol) is not { } scale)
        {
            return Fail(SandboxRejection.UnknownPair, $"'{request.Symbol}' is not a {request.Venue} market of the sandbox");
        }

        if (!_venues.TryGetValue(request.Venue, out var venue))
        {
            return Fail(SandboxRejection.InvalidOrder, $"{request.Venue} trading is not available in this build");
        }

        if (request.Volume <= 0 || request.Volume > MaxOrderAmount || !scale.FitsLots(request.Volume))
        {
            return Fail(SandboxRejection.InvalidVolume, $"volume {request.Volume} must be positive with at most {scale.LotDecimals} decimals");
        }

        var market = request.Kind == OrderKind.Market;
        var price = market ? null : request.Price;
        if (!market && (price is not { } limit || limit <= 0 || limit > MaxOrderAmount || !scale.IsOnTick(limit)))
        {
            return Fail(SandboxRejection.InvalidPrice, $"a limit order needs a positive price on the tick {scale.TickSize}");
        }

        var postOnly = request.Flags.HasFlag(SandboxOrderConditions.PostOnly);
        if (market && postOnly)
        {
            return Fail(SandboxRejection.InvalidOrder, "a market order cannot be post-only");
        }

        if (postOnly && request.TimeInForce == TimeInForce.ImmediateOrCancel)
        {
            return Fail(SandboxRejection.InvalidOrder, "a post-only order cannot be immediate-or-cancel");
        }

        if (request.Flags.HasFlag(SandboxOrderConditions.FeeInBase) && request.Flags.HasFlag(SandboxOrderConditions.FeeInQuote))
        {
            return Fail(SandboxRejection.InvalidOrder, "fcib and fciq exclude each other");
        }

        if (request.ExpiresAt is { } expires && expires <= batch.Now)
        {
            return Fail(SandboxRejection.InvalidOrder, "the expiry time has passed");
        }

        if (request.ClientOrderId is { } clientId && OpenOf(request.Account).Any(o => o.ClientOrderId == clientId && o.Id != replacing?.Id))
        {
            return Fail(SandboxRejection.InvalidOrder, $"an open order already has cl_ord_id '{clientId}'");
        }

        var user = !request.Account.StartsWith('@');
        if (user && replacing is null && _openCounts.GetValueOrDefault((request.Account, symbol)) >= Counters.Limits.MaxOpenOrdersPerPair)
        {
            return Fail(SandboxRejection.OrdersLimitExceeded, $"'{request.Account}' has {Counters.Limits.MaxOpenOrdersPerPair} open orders on {symbol}, the most allowed");
        }

        if (!Counters.CanCharge(request.Account, request.Venue, symbol, rateCost))
        {
            return Fail(SandboxRejection.OrderRateLimitExceeded, $"the trading counter of '{request.Account}' on {symbol} is full");
        }

        var feeAsset = FeeAssetOf(request.Venue, symbol, request.Flags);
        var keep = replacing is not null && !replaceWithNewId;
        var order = new SandboxOrder(
            keep ? replacing!.Id : SandboxIds.New('O'),
            keep ? replacing!.EngineId : ++_engineSequence,
            request.Account,
            request.Venue,
            symbol,
            request.Side,
            request.Kind,
            price,
            request.Volume,
            keep ? replacing!.Executed : 0m,
            keep ? replacing!.Cost : 0m,
            keep ? replacing!.Fee : 0m,
            SandboxOrderStatus.Open,
            keep ? replacing!.OpenedAt : batch.Now,
            null,
            request.UserRef,
            request.ClientOrderId,
            request.Flags,
            market ? TimeInForce.ImmediateOrCancel : request.TimeInForce,
            request.ExpiresAt,
            request.SelfTrade,
            request.ReduceOnly,
            null,
            0m,
            null,
            _fees.Percent(request.Account, request.Venue, maker: false),
            feeAsset,
            keep ? replacing!.Priority : ++_prioritySequence);
        decimal? estimate = null;
        if (market)
        {
            var sweep = BookOf(symbol).Sweep(order.Side, scale.ToLots(order.Volume), null);
            estimate = sweep.NotionalTicksLots * scale.TickSize * scale.LotSize;
        }

        var admission = venue.Admit(batch, order, estimate, replacing?.Hold ?? 0m);
        if (admission.Refusal is { } refusal)
        {
            return Fail(refusal, admission.Detail ?? refusal.ToString());
        }

        return SandboxResult<SandboxOrder>.Ok(order with { Hold = admission.Hold, HoldAsset = admission.HoldAsset });
    }

    /// <summary>
    /// Books what the book did: each fill through the venue's settlement (both sides, one trade id as refid), each
    /// cancel as a closed order. <paramref name="working"/> holds this operation's order versions by engine id.
    /// </summary>
    private SandboxOrderOutcome Settle(TradingBatch batch, BookScale scale, MatchEvents events, Dictionary<long, SandboxOrder> working, long subjectId, long? replacedId = null)
    {
        var subject = working[subjectId];
        var venue = _venues[subject.Venue];
        var usdPerQuote = QuoteUsdPrice(subject.Venue, subject.Symbol);
        var trades = new List<SandboxTrade>();
        var cancelled = new List<SandboxOrder>();
        foreach (var e in events.Events)
        {
            if (e.Kind == MatchEventKind.Fill)
            {
                var fill = e.Fill;
                var maker = Current(working, fill.MakerOrderId);
                var taker = Current(working, fill.TakerOrderId);
                var price = scale.ToPrice(fill.Price);
                var quantity = scale.ToQuantity(fill.Quantity);
                var tradeId = SandboxIds.New('T');
                var makerRate = Math.Min(_fees.Percent(maker.Account, maker.Venue, maker: true), maker.FeeCap);
                var takerRate = Math.Min(_fees.Percent(taker.Account, taker.Venue, maker: false), taker.FeeCap);
                var makerBooked = venue.Settle(batch, maker, new FillSide(tradeId, price, quantity, price * quantity, makerRate, IsMaker: true));
                var takerBooked = venue.Settle(batch, taker, new FillSide(tradeId, price, quantity, price * quantity, takerRate, IsMaker: false));
                working[maker.EngineId] = Filled(maker, quantity, makerBooked, fill.MakerRemaining == 0, batch.Now);
                working[taker.EngineId] = Filled(taker, quantity, takerBooked, fill.TakerRemaining == 0, batch.Now);
                var makerTrade = new SandboxTrade(tradeId, maker.Id, maker.Account, maker.Venue, maker.Symbol, maker.Side, maker.Kind, price, quantity, makerBooked.Cost, makerBooked.Fee, makerBooked.FeeAsset, IsMaker: true, batch.Now, ++batch.TradeSequence, makerBooked.Cost * usdPerQuote);
                var takerTrade = new SandboxTrade(tradeId, taker.Id, taker.Account, taker.Venue, taker.Symbol, taker.Side, taker.Kind, price, quantity, takerBooked.Cost, takerBooked.Fee, takerBooked.FeeAsset, IsMaker: false, batch.Now, ++batch.TradeSequence, takerBooked.Cost * usdPerQuote);
                batch.Changes.Trades.Add(makerTrade);
                batch.Changes.Trades.Add(takerTrade);
                trades.Add(maker.EngineId == subjectId ? makerTrade : takerTrade);
            }
            else if (e.Kind == MatchEventKind.Cancelled)
            {
                var order = Current(working, e.OrderId);
                var (status, reason) = e.OrderId == replacedId
                    ? (SandboxOrderStatus.Canceled, CancelReasons.Replaced)
                    : e.Reason switch
                    {
                        CancelReason.ImmediateOrCancel => (order.Executed > 0 ? SandboxOrderStatus.Closed : SandboxOrderStatus.Canceled, CancelReasons.ImmediateOrCancel),
                        CancelReason.NoLiquidity => (order.Executed > 0 ? SandboxOrderStatus.Closed : SandboxOrderStatus.Canceled, CancelReasons.NoLiquidity),
                        CancelReason.PostOnly => (SandboxOrderStatus.Canceled, CancelReasons.PostOnly),
                        CancelReason.SelfTrade => (SandboxOrderStatus.Canceled, CancelReasons.SelfTrade),
                        _ => (SandboxOrderStatus.Canceled, CancelReasons.User),
                    };
                var closed = order with { Status = status, ClosedAt = batch.Now, Reason = reason, Hold = 0m };
                working[order.EngineId] = closed;
                if (order.EngineId != subjectId)
                {
                    cancelled.Add(closed);
                }
            }
        }

        foreach (var order in working.Values)
        {
            batch.Put(order);
        }

        return new SandboxOrderOutcome(working[subjectId], trades, cancelled);
    }

    private SandboxOrder Current(Dictionary<long, SandboxOrder> working, long engineId) =>
        working.TryGetValue(engineId, out var order) ? order : _openByEngineId[engineId];

    private static SandboxOrder Filled(SandboxOrder order, decimal quantity, SettledFill booked, bool done, DateTimeOffset now) => order with
    {
        Executed = order.Executed + quantity,
        Cost = order.Cost + booked.Cost,
        Fee = order.Fee + booked.Fee,
        Hold = done ? 0m : order.Hold - booked.HoldReleased,
        Status = done ? SandboxOrderStatus.Closed : SandboxOrderStatus.Open,
        ClosedAt = done ? now : null,
    };

    private static string FeeAssetOf(TradingVenue venue, string symbol, SandboxOrderConditions flags)
    {
        if (venue == TradingVenue.Spot)
        {
            var pair = PairCatalog.Find(symbol)!;
            return flags.HasFlag(SandboxOrderConditions.FeeInBase) ? pair.Base : pair.Quote;
        }

        return AssetCatalog.Find(InstrumentCatalog.Find(symbol)!.Quote)!.Id;
    }

    private static decimal QuoteUsdPrice(TradingVenue venue, string symbol) => venue == TradingVenue.Spot
        ? AssetCatalog.Find(PairCatalog.Find(symbol)!.Quote)!.UsdPrice
        : AssetCatalog.Find(InstrumentCatalog.Find(symbol)!.Quote)!.UsdPrice;
}
