using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// Unified <c>positions</c> (derivatives): one snapshot of the open positions per subscription (<c>snapshot</c>, default
/// true), then, after each commit with a Futures fill of the account, an update with only the positions that fill touched —
/// a closed one with <c>size: 0</c>. <c>with_margin</c> adds each position's margin (not with <c>snapshot: true</c>).
/// One subscription per connection. Updates are built on the market pump, outside the exchange's lock.
/// </summary>
internal sealed class PositionsChannel(SocketHub hub) : ISocketChannel, IExchangeListener, IMarketFeed
{
    private static readonly string[] Fields = ["snapshot", "with_margin"];
    private readonly AccountRegistry<AccountStream> _streams = new();
    private readonly DirtyAccounts _dirty = new();

    public string Name => "positions";

    public void Subscribe(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "OpenPositions", assetClass: true, Fields) is not { } account)
        {
            return;
        }

        var snapshot = call.Bool("snapshot", true, out var ok1);
        var withMargin = call.Bool("with_margin", false, out var ok2);
        if (!ok1 || !ok2)
        {
            call.Fail(SocketErrors.InvalidField(ok1 ? "params.with_margin" : "params.snapshot"));
            return;
        }

        if (snapshot && withMargin)
        {
            call.Fail(SocketErrors.PositionsSnapshotWithMargin);
            return;
        }

        if (UnifiedRequest.Start(call, Name, account.Name, _streams, SocketErrors.AlreadySubscribedPositions, withMargin) is not { } stream)
        {
            return;
        }

        PrivateChannel.Ack(call, Name, w =>
        {
            w.WriteBoolean("snapshot", snapshot);
            w.WriteBoolean("with_margin", withMargin);
        });
        if (!snapshot)
        {
            stream.Open(null);
            return;
        }

        var positions = hub.Exchange.Positions(account.Name);
        var leverage = Leverage(account.Name);
        stream.Open(sequence => SocketFrames.Channel(Name, "snapshot", w => UnifiedWire.Positions(w, f =>
        {
            foreach (var position in positions)
            {
                UnifiedWire.Position(f, position.Symbol, position, hub.Exchange.MarkPrices.Mark(position.Symbol), leverage.GetValueOrDefault(position.Symbol), withMargin);
            }
        }), sequence, hub.Time.GetUtcNow()));
    }

    public void Unsubscribe(SocketCall call) => UnifiedRequest.Unsubscribe(call, Name, Fields);

    /// <inheritdoc />
    public void OnCommitted(CommittedChanges changes)
    {
        if (_streams.IsEmpty)
        {
            return;
        }

        foreach (var trade in changes.Trades)
        {
            if (trade.Venue == TradingVenue.Futures && _streams.Of(trade.Account).Length > 0)
            {
                _dirty.Mark(trade.Account, trade.Symbol);
            }
        }
    }

    /// <inheritdoc />
    public void Publish(MarketPulse pulse)
    {
        foreach (var (account, symbols) in _dirty.Take())
        {
            var streams = _streams.Of(account);
            if (streams.Length == 0)
            {
                continue;
            }

            var positions = hub.Exchange.Positions(account).ToDictionary(p => p.Symbol, StringComparer.Ordinal);
            var leverage = Leverage(account);
            foreach (var stream in streams)
            {
                var withMargin = stream.Options is true;
                stream.Post(sequence => SocketFrames.Channel(Name, "update", w => UnifiedWire.Positions(w, f =>
                {
                    foreach (var symbol in symbols.Order(StringComparer.Ordinal))
                    {
                        UnifiedWire.Position(f, symbol, positions.GetValueOrDefault(symbol), hub.Exchange.MarkPrices.Mark(symbol), leverage.GetValueOrDefault(symbol), withMargin);
                    }
                }), sequence, pulse.Now));
            }
        }
    }

    private Dictionary<string, decimal?> Leverage(string account) =>
        hub.Exchange.LeveragePreferences(account).ToDictionary(p => p.Symbol, p => p.MaxLeverage, StringComparer.Ordinal);
}
