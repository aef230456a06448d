using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Spot;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Events;
using Bulkhead.Sandbox.Ledger;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// <c>balances</c> (Spot private): a snapshot of the account's Spot wallet (<c>snapshot</c>, default true), then one
/// <c>update</c> per ledger entry of that wallet, each with the connection's next <c>sequence</c>. Futures wallet entries
/// are not Spot balances and do not stream here (a transfer to Futures shows as its Spot leg). Needs the permission of
/// REST Balance.
/// </summary>
internal sealed class BalancesChannel(SocketHub hub) : ISocketChannel, IExchangeListener
{
    private static readonly string[] Fields = ["channel", "token", "snapshot"];
    private readonly AccountRegistry<AccountSubscription> _subscribers = new();

    public string Name => "balances";

    public void Subscribe(SocketCall call)
    {
        if (!call.CheckParams(Fields))
        {
            return;
        }

        var snapshot = call.Bool("snapshot", true, out var ok);
        if (!ok)
        {
            call.Fail(SocketErrors.InvalidField("params.snapshot"));
            return;
        }

        if (!SocketParams.Authorized(call, "Balance", out var account))
        {
            return;
        }

        if (PrivateChannel.Start(call, Name, _subscribers, SocketErrors.AlreadySubscribed, () => new Subscription(hub, call.Connection, account, call.String("token", out _)!))
            is not Subscription subscription)
        {
            return;
        }

        PrivateChannel.Ack(call, Name, w => w.WriteBoolean("snapshot", snapshot));

        var balances = snapshot ? hub.Exchange.Balances(account, Wallet.Spot) : null;
        subscription.Start(() =>
        {
            if (balances is not null)
            {
                subscription.Send("snapshot", w => WriteSnapshot(w, balances));
            }
        });
    }

    public void Unsubscribe(SocketCall call)
    {
        if (call.CheckParams(Fields))
        {
            PrivateChannel.Unsubscribe(call, Name);
        }
    }

    public void OnCommitted(CommittedChanges changes) => AccountSubscription.Publish(_subscribers, changes);

    private static int Decimals(string asset) => AssetCatalog.Find(asset)?.Decimals ?? 8;

    private static void WriteSnapshot(Utf8JsonWriter w, IReadOnlyDictionary<string, decimal> balances)
    {
        foreach (var (asset, balance) in balances.OrderBy(b => SocketInstrument.AssetName(b.Key), StringComparer.Ordinal))
        {
            var decimals = Decimals(asset);
            w.WriteStartObject();
            w.WriteString("asset", SocketInstrument.AssetName(asset));
            w.WriteString("asset_class", "currency");
            w.WriteNumber("balance", balance, decimals);
            w.WriteStartArray("wallets");
            w.WriteStartObject();
            w.WriteString("type", "spot");
            w.WriteString("id", "main");
            w.WriteNumber("balance", balance, decimals);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
    }

    private static void WriteEntry(Utf8JsonWriter w, LedgerEntry entry)
    {
        var decimals = Decimals(entry.Asset);
        var type = SpotAccountEndpoints.TypeName(entry.Type);
        w.WriteStartObject();
        w.WriteString("ledger_id", entry.Id);
        w.WriteString("ref_id", entry.RefId);
        w.WriteString("timestamp", SocketFrames.Time(entry.Time));
        w.WriteString("type", type);
        w.WriteString("asset", SocketInstrument.AssetName(entry.Asset));
        w.WriteString("asset_class", "currency");
        w.WriteString("category", type);
        w.WriteString("wallet_type", "spot");
        w.WriteString("wallet_id", "main");
        w.WriteNumber("amount", entry.Amount, decimals);
        w.WriteNumber("fee", entry.Fee, decimals);
        w.WriteNumber("balance", entry.Balance, decimals);
        w.WriteEndObject();
    }

    private sealed class Subscription(SocketHub hub, SocketConnection connection, string account, string token)
        : AccountSubscription(hub, connection, account, token)
    {
        public void Send(string type, Action<Utf8JsonWriter> items) => Send("balances", type, items);

        protected override void Render(CommittedChanges changes)
        {
            foreach (var entry in changes.Entries)
            {
                if (entry.Account == Account && entry.Wallet == Wallet.Spot)
                {
                    Send("update", w => WriteEntry(w, entry));
                }
            }
        }
    }
}
