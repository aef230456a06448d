using Bulkhead.Sandbox.Events;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// Unified <c>balances</c>: while Unified serves derivatives only, the account's derivatives wallets (flex and cash) —
/// a snapshot per asset (<c>snapshot</c>, default true), then one update per commit listing its ledger entries in those
/// wallets, each with the balance after it. One subscription per connection.
/// </summary>
internal sealed class BalancesChannel(SocketHub hub) : ISocketChannel, IExchangeListener
{
    private static readonly string[] Fields = ["snapshot"];
    private readonly AccountRegistry<AccountStream> _streams = new();

    public string Name => "balances";

    public void Subscribe(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "Balance", assetClass: false, Fields) is not { } account)
        {
            return;
        }

        var snapshot = call.Bool("snapshot", true, out var ok);
        if (!ok)
        {
            call.Fail(Kraken.Errors.SocketErrors.InvalidField("params.snapshot"));
            return;
        }

        if (UnifiedRequest.Start(call, Name, account.Name, _streams, Kraken.Errors.SocketErrors.AlreadySubscribed) is not { } stream)
        {
            return;
        }

        PrivateChannel.Ack(call, Name, w => w.WriteBoolean("snapshot", snapshot));
        if (!snapshot)
        {
            stream.Open(null);
            return;
        }

        var balances = UnifiedWire.Wallets.SelectMany(wallet => hub.Exchange.Balances(account.Name, wallet).Select(b => (Asset: b.Key, Wallet: wallet, Balance: b.Value)))
            .GroupBy(b => b.Asset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        stream.Open(sequence => SocketFrames.Channel(Name, "snapshot", w =>
        {
            w.WriteStartArray();
            foreach (var asset in balances)
            {
                UnifiedWire.Balance(w, asset.Key, [.. UnifiedWire.Wallets.Select(wallet => (wallet, asset.Where(b => b.Wallet == wallet).Sum(b => b.Balance)))]);
            }

            w.WriteEndArray();
        }, sequence));
    }

    public void Unsubscribe(SocketCall call) => UnifiedRequest.Unsubscribe(call, Name, Fields);

    /// <inheritdoc />
    public void OnCommitted(CommittedChanges changes)
    {
        if (_streams.IsEmpty)
        {
            return;
        }

        foreach (var group in changes.Entries.Where(e => UnifiedWire.Wallets.Contains(e.Wallet)).GroupBy(e => e.Account, StringComparer.Ordinal))
        {
            var streams = _streams.Of(group.Key);
            if (streams.Length == 0)
            {
                continue;
            }

            var entries = group.ToList();
            foreach (var stream in streams)
            {
                stream.Post(sequence => SocketFrames.Channel(Name, "update", w =>
                {
                    w.WriteStartArray();
                    foreach (var entry in entries)
                    {
                        UnifiedWire.Entry(w, entry, changes.Trades.FirstOrDefault(t => t.Id == entry.RefId && t.Account == entry.Account));
                    }

                    w.WriteEndArray();
                }, sequence));
            }
        }
    }
}
