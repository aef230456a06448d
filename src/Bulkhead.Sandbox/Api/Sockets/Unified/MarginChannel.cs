using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Margin;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// Unified <c>margin</c> (derivatives): <c>multi_collateral</c> messages, each a full replacement, from
/// <see cref="SandboxExchange.Margin"/> — one on subscribe, one after every commit touching the account's Futures (fills,
/// flex-wallet entries), and one when mark prices moved the figures, at most once per second per connection. No
/// <c>snapshot</c> parameter; one subscription per connection. Built on the market pump, outside the exchange's lock.
/// </summary>
internal sealed class MarginChannel(SocketHub hub) : ISocketChannel, IExchangeListener, IMarketFeed
{
    private static readonly TimeSpan MarkRefresh = TimeSpan.FromSeconds(1);
    private readonly AccountRegistry<AccountStream> _streams = new();
    private readonly DirtyAccounts _dirty = new();

    public string Name => "margin";

    public void Subscribe(SocketCall call)
    {
        if (call.Request.HasParams && call.Params.TryGetProperty("snapshot", out _))
        {
            call.Fail(SocketErrors.MarginSnapshotInvalid);
            return;
        }

        if (UnifiedRequest.Begin(call, "TradeBalance", assetClass: true) is not { } account
            || UnifiedRequest.Start(call, Name, account.Name, _streams, SocketErrors.AlreadySubscribedMargin, new Published()) is not { } stream)
        {
            return;
        }

        PrivateChannel.Ack(call, Name);
        var now = hub.Time.GetUtcNow();
        stream.Open(Frame(stream, now));
    }

    public void Unsubscribe(SocketCall call) => UnifiedRequest.Unsubscribe(call, Name);

    /// <inheritdoc />
    public void OnCommitted(CommittedChanges changes)
    {
        if (_streams.IsEmpty)
        {
            return;
        }

        foreach (var account in changes.Trades.Where(t => t.Venue == TradingVenue.Futures).Select(t => t.Account)
            .Concat(changes.Entries.Where(e => e.Wallet == Wallet.FuturesFlex).Select(e => e.Account)))
        {
            if (_streams.Of(account).Length > 0)
            {
                _dirty.Mark(account);
            }
        }
    }

    /// <inheritdoc />
    public void Publish(MarketPulse pulse)
    {
        var dirty = _dirty.Take().Select(d => d.Account).ToHashSet(StringComparer.Ordinal);
        foreach (var account in _streams.Accounts)
        {
            var committed = dirty.Contains(account);
            var margin = hub.Exchange.Margin(account);
            foreach (var stream in _streams.Of(account))
            {
                var published = (Published)stream.Options!;
                if (committed || (published.Margin != margin && pulse.Now - stream.LastPublished >= MarkRefresh))
                {
                    stream.Post(Frame(stream, pulse.Now));
                }
            }
        }
    }

    /// <summary>The message, built when queued (its figures read then, so a queued message is never stale).</summary>
    private Func<long, byte[]> Frame(AccountStream stream, DateTimeOffset now) => sequence =>
    {
        var margin = hub.Exchange.Margin(stream.Account);
        var collateral = hub.Exchange.Balances(stream.Account, Wallet.FuturesFlex);
        ((Published)stream.Options!).Margin = margin;
        stream.LastPublished = now;
        return SocketFrames.Channel(Name, "multi_collateral", w => UnifiedWire.Margin(w, margin, collateral, hub.Exchange.MarkPrices), sequence, now);
    };

    /// <summary>What a stream was last sent.</summary>
    private sealed class Published
    {
        public MarginSummary? Margin { get; set; }
    }
}
