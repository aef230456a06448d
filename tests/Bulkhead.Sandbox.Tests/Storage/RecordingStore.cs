using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox.Tests.Storage;

/// <summary>Wraps a real store and keeps what each successful commit wrote (counts, the nonce marks), thread-safe.</summary>
internal sealed class RecordingStore(ISandboxStore inner) : ISandboxStore
{
    private readonly Lock _gate = new();
    private readonly List<Written> _commits = [];

    /// <summary>The commits so far, oldest first.</summary>
    public IReadOnlyList<Written> Commits
    {
        get
        {
            lock (_gate)
            {
                return [.. _commits];
            }
        }
    }

    /// <summary>The commits made after <paramref name="mark"/> commits had been made.</summary>
    public IReadOnlyList<Written> Since(int mark) => [.. Commits.Skip(mark)];

    public SandboxSnapshot Load() => inner.Load();

    public void Commit(SandboxChangeSet changes)
    {
        inner.Commit(changes);
        var written = new Written(changes.Accounts.Count, changes.Keys.Count, changes.Entries.Count, changes.Orders.Count, changes.Trades.Count, new Dictionary<string, long>(changes.Nonces, StringComparer.Ordinal));
        lock (_gate)
        {
            _commits.Add(written);
        }
    }

    public void Compact(SandboxCompaction compaction) => inner.Compact(compaction);

    public void Dispose() => inner.Dispose();

    /// <summary>What one commit held.</summary>
    internal sealed record Written(int Accounts, int Keys, int Entries, int Orders, int Trades, IReadOnlyDictionary<string, long> Nonces)
    {
        public bool NonceOnly => Accounts == 0 && Keys == 0 && Entries == 0 && Orders == 0 && Trades == 0 && Nonces.Count > 0;
    }
}
