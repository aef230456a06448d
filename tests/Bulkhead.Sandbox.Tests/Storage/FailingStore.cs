using Bulkhead.Sandbox.Storage;

namespace Bulkhead.Sandbox.Tests.Storage;

/// <summary>Wraps a store and, when armed, throws on the next commit instead of writing (a disk error, a constraint).</summary>
internal sealed class FailingStore(ISandboxStore inner) : ISandboxStore
{
    public bool FailNext { get; set; }

    public SandboxSnapshot Load() => inner.Load();

    public void Commit(SandboxChangeSet changes)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new IOException("injected: the disk is full");
        }

        inner.Commit(changes);
    }

    public void Compact(SandboxCompaction compaction)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new IOException("injected: the disk is full");
        }

        inner.Compact(compaction);
    }

    public void Dispose() => inner.Dispose();
}
