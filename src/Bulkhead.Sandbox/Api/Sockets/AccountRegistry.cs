using System.Collections.Concurrent;

namespace Bulkhead.Sandbox.Api.Sockets;

/// <summary>
/// The subscriptions of one private channel, by account: copy-on-write, so the committing thread reads them without a
/// lock. A subscription removes itself when disposed. Thread-safe.
/// </summary>
internal sealed class AccountRegistry<TSubscriber>
    where TSubscriber : AccountSubscriber
{
    private readonly ConcurrentDictionary<string, TSubscriber[]> _byAccount = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    /// <summary>The accounts with at least one subscription.</summary>
    public ICollection<string> Accounts => _byAccount.Keys;

    /// <summary>True when nobody listens.</summary>
    public bool IsEmpty => _byAccount.IsEmpty;

    /// <summary>The subscriptions of <paramref name="account"/> (empty when none).</summary>
    public TSubscriber[] Of(string account) => _byAccount.TryGetValue(account, out var subscribers) ? subscribers : [];

    /// <summary>Registers <paramref name="subscriber"/>; disposing it unregisters.</summary>
    public void Add(TSubscriber subscriber)
    {
        lock (_sync)
        {
            _byAccount[subscriber.Account] = [.. Of(subscriber.Account), subscriber];
        }

        subscriber.Registered(new Removal(this, subscriber));
    }

    private void Remove(TSubscriber subscriber)
    {
        lock (_sync)
        {
            var rest = Of(subscriber.Account).Where(s => !ReferenceEquals(s, subscriber)).ToArray();
            if (rest.Length == 0)
            {
                _byAccount.TryRemove(subscriber.Account, out _);
            }
            else
            {
                _byAccount[subscriber.Account] = rest;
            }
        }
    }

    private sealed class Removal(AccountRegistry<TSubscriber> owner, TSubscriber subscriber) : IDisposable
    {
        public void Dispose() => owner.Remove(subscriber);
    }
}
