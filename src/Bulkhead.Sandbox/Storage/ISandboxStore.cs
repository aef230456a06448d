namespace Bulkhead.Sandbox.Storage;

/// <summary>Where the sandbox's state lives. One implementation per medium: SQLite files, or memory for fast tests.</summary>
public interface ISandboxStore : IDisposable
{
    /// <summary>Reads the whole state (at start-up).</summary>
    SandboxSnapshot Load();

    /// <summary>Writes one operation's changes atomically: all of them, durably, or none (then it throws).</summary>
    void Commit(SandboxChangeSet changes);

    /// <summary>Removes what a retention run compacted, atomically: all of it, durably, or none (then it throws).</summary>
    void Compact(SandboxCompaction compaction);
}
