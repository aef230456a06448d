using System.Collections.Concurrent;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>The streams of one private channel, by account: copy-on-write, so the committing thread reads them without a lock.</summary>
internal sealed class AccountStreams
{
    private readonly ConcurrentDictionary<string, AccountStream[]> _byAccount = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    /// <summary>The accounts with at least one stream.</summary>
    public ICollection<string> Accounts => _byAccount.Keys;

    /// <summary>True when nobody listens.</summary>
    public bool IsEmpty => _byAccount.IsEmpty;

    /// <summary>The streams of <paramref name="account"/> (empty when none).</summary>
    public AccountStream[] Of(string account) => _byAccount.TryGetValue(account, out var streams) ? streams : [];

    /// <summary>Adds a stream; it removes itself when disposed.</summary>
    public void Add(AccountStream stream)
    {
        lock (_sync)
        {
            _byAccount[stream.Account] = [.. Of(stream.Account), stream];
        }

        stream.Register(new Removal(this, stream));
    }

    private void Remove(AccountStream stream)
    {
        lock (_sync)
        {
            var rest = Of(stream.Account).Where(s => !ReferenceEquals(s, stream)).ToArray();
            if (rest.Length == 0)
            {
                _byAccount.TryRemove(stream.Account, out _);
            }
            else
            {
                _byAccount[stream.Account] = rest;
            }
        }
    }

    private sealed class Removal(AccountStreams owner, AccountStream stream) : IDisposable
    {
        public void Dispose() => owner.Remove(stream);
    }
}
