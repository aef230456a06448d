using Bulkhead.Sandbox.Events;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// Unified <c>ledgers</c>: one message per ledger entry of the account's derivatives wallets (flex and cash) — a fill's
/// realised P&amp;L and fee, transfers, deposits — with the connection's <c>sequence</c> (a gap means a lost update:
/// recover through REST). No snapshot. One subscription per connection.
/// </summary>
internal sealed class LedgersChannel : ISocketChannel, IExchangeListener
{
    private readonly AccountRegistry<AccountStream> _streams = new();

    public string Name => "ledgers";

    public void Subscribe(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "Ledgers", assetClass: false) is not { } account
            || UnifiedRequest.Start(call, Name, account.Name, _streams, Kraken.Errors.SocketErrors.AlreadySubscribed) is not { } stream)
        {
            return;
        }

        PrivateChannel.Ack(call, Name);
        stream.Open(null);
    }

    public void Unsubscribe(SocketCall call) => UnifiedRequest.Unsubscribe(call, Name);

    /// <inheritdoc />
    public void OnCommitted(CommittedChanges changes)
    {
        if (_streams.IsEmpty)
        {
            return;
        }

        foreach (var entry in changes.Entries)
        {
            if (!UnifiedWire.Wallets.Contains(entry.Wallet) || _streams.Of(entry.Account) is not { Length: > 0 } streams)
            {
                continue;
            }

            var trade = changes.Trades.FirstOrDefault(t => t.Id == entry.RefId && t.Account == entry.Account);
            foreach (var stream in streams)
            {
                stream.Post(sequence => SocketFrames.Channel(Name, "update", w =>
                {
                    w.WriteStartArray();
                    UnifiedWire.Entry(w, entry, trade);
                    w.WriteEndArray();
                }, sequence));
            }
        }
    }
}
