namespace Bulkhead.Sandbox.Storage;

/// <summary>Keeps nothing: the exchange's own memory is the state. For fast tests and <c>--in-memory</c>; nothing survives a restart.</summary>
public sealed class InMemorySandboxStore : ISandboxStore
{
    /// <inheritdoc />
    public SandboxSnapshot Load() => SandboxSnapshot.Empty;

    /// <inheritdoc />
    public void Commit(SandboxChangeSet changes) => ArgumentNullException.ThrowIfNull(changes);

    /// <inheritdoc />
    public void Compact(SandboxCompaction compaction) => ArgumentNullException.ThrowIfNull(compaction);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
