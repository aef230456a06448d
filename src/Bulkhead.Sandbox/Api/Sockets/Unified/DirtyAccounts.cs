using System.Collections.Concurrent;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// Accounts (and, per account, symbols) a commit touched, recorded on the committing thread and taken by the market pump,
/// which reads the exchange outside its lock and publishes. Thread-safe.
/// </summary>
internal sealed class DirtyAccounts
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _dirty = new(StringComparer.Ordinal);

    /// <summary>Marks <paramref name="account"/> (and <paramref name="symbol"/> of it, if given).</summary>
    public void Mark(string account, string? symbol = null)
    {
        var symbols = _dirty.GetOrAdd(account, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        if (symbol is not null)
        {
            symbols.TryAdd(symbol, 0);
        }
    }

    /// <summary>Takes every marked account with its marked symbols, clearing them.</summary>
    public List<(string Account, IReadOnlyCollection<string> Symbols)> Take()
    {
        var taken = new List<(string, IReadOnlyCollection<string>)>();
        foreach (var account in _dirty.Keys)
        {
            if (_dirty.TryRemove(account, out var symbols))
            {
                taken.Add((account, [.. symbols.Keys]));
            }
        }

        return taken;
    }
}
