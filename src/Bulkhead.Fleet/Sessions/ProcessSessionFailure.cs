namespace Bulkhead.Fleet.Sessions;

/// <summary>Why a manifest process's key could not be opened.</summary>
public enum ProcessSessionFailure
{
    /// <summary>The manifest, the process, its key, its environment or its secret is wrong; nothing was sent.</summary>
    Configuration,

    /// <summary>Another live process holds the key's lease; nothing was sent.</summary>
    KeyUnavailable,

    /// <summary>The coordination store could not be reached; nothing was sent.</summary>
    StoreUnavailable,
}
