using System.Collections.Concurrent;
using Bulkhead.Sandbox.Events;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>
/// The private subscriptions of one channel by account (copy-on-write, like <see cref="SubscriberSet{TKey}"/>, but each
/// subscription keeps its own options and the connection's own <c>sequence</c>, so frames are written per subscriber).
/// System accounts (<c>@market</c>, …) never stream. Thread-safe.
/// </summary>
internal sealed class AccountSubscribers
{
    private readonly ConcurrentDictionary<string, AccountSubscription[]> _byAccount = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    /// <summary>Registers <paramref name="subscription"/>; disposing it unregisters.</summary>
    public void Add(AccountSubscription subscription)
    {
        lock (_sync)
        {
            _byAccount[subscription.Account] = [.. Of(subscription.Account), subscription];
        }

        subscription.Registered(new Removal(this, subscription));
    }

    /// <summary>Hands a commit to the subscriptions of every account it touches.</summary>
    public void Publish(CommittedChanges changes)
    {
        if (_byAccount.IsEmpty)
        {
            return;
        }

        var accounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.Orders)
        {
            accounts.Add(change.Current.Account);
        }

        foreach (var trade in changes.Trades)
        {
            accounts.Add(trade.Account);
        }

        foreach (var entry in changes.Entries)
        {
            accounts.Add(entry.Account);
        }

        foreach (var account in accounts)
        {
            if (account.StartsWith('@'))
            {
                continue;
            }

            foreach (var subscription in Of(account))
            {
                subscription.Deliver(changes);
            }
        }
    }

    private AccountSubscription[] Of(string account) => _byAccount.TryGetValue(account, out var set) ? set : [];

    private void Remove(AccountSubscription subscription)
    {
        lock (_sync)
        {
            var remaining = Of(subscription.Account).Where(s => !ReferenceEquals(s, subscription)).ToArray();
            if (remaining.Length == 0)
            {
                _byAccount.TryRemove(subscription.Account, out _);
            }
            else
            {
                _byAccount[subscription.Account] = remaining;
            }
        }
    }

    private sealed class Removal(AccountSubscribers owner, AccountSubscription subscription) : IDisposable
    {
        public void Dispose() => owner.Remove(subscription);
    }
}
