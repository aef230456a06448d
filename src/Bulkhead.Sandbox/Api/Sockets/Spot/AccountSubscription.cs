using System.Text.Json;
using Bulkhead.Sandbox.Events;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// A Spot private subscription: it holds back whole commits until its snapshot is sent and renders them afterwards (a
/// commit between registration and the snapshot's read may appear in both; the renderers skip what they can tell is a
/// repeat). System accounts (<c>@market</c>, …) never stream.
/// </summary>
internal abstract class AccountSubscription(SocketHub hub, SocketConnection connection, string account, string token)
    : AccountSubscriber(connection, account, token, hub.Tokens)
{
    /// <summary>The exchange.</summary>
    protected SandboxExchange Exchange => hub.Exchange;

    /// <summary>Hands a commit to the subscriptions of every account it touches (called under the exchange's lock).</summary>
    public static void Publish(AccountRegistry<AccountSubscription> subscribers, CommittedChanges changes)
    {
        if (subscribers.IsEmpty)
        {
            return;
        }

        var accounts = new HashSet<string>(StringComparer.Ordinal);
        accounts.UnionWith(changes.Orders.Select(change => change.Current.Account));
        accounts.UnionWith(changes.Trades.Select(trade => trade.Account));
        accounts.UnionWith(changes.Entries.Select(entry => entry.Account));
        foreach (var account in accounts.Where(a => !a.StartsWith('@')))
        {
            foreach (var subscription in subscribers.Of(account))
            {
                subscription.Deliver(changes);
            }
        }
    }

    /// <summary>A commit touching the account: rendered now, or after the snapshot.</summary>
    public void Deliver(CommittedChanges changes) => Enqueue(() => Render(changes));

    /// <summary>Writes the account's part of one commit to <see cref="AccountSubscriber.Connection"/>.</summary>
    protected abstract void Render(CommittedChanges changes);

    /// <summary>Sends one <paramref name="channel"/> frame whose <c>data</c> array <paramref name="items"/> writes, with the connection's next <c>sequence</c>.</summary>
    protected void Send(string channel, string type, Action<Utf8JsonWriter> items) =>
        Connection.Send(SocketFrames.Channel(channel, type, w =>
        {
            w.WriteStartArray();
            items(w);
            w.WriteEndArray();
        }, Connection.NextSequence()));
}
