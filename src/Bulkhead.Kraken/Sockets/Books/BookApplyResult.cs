namespace Bulkhead.Kraken.Sockets.Books;

/// <summary>What applying a <c>book</c> message did to a <see cref="LocalBook"/>.</summary>
public enum BookApplyResult
{
    /// <summary>Applied, and the book's checksum equals the message's.</summary>
    Applied = 0,

    /// <summary>Applied, but the checksums differ: the book is wrong and now waits for a new snapshot (resubscribe).</summary>
    ChecksumMismatch,

    /// <summary>An update for a book without a snapshot (before the first, or after a mismatch): ignored.</summary>
    AwaitingSnapshot,

    /// <summary>The message is not a <c>book</c> message or has no item for this book's symbol: nothing changed.</summary>
    NotThisBook,

    /// <summary>The message could not be read (not JSON, a level without price or quantity, no checksum): the book waits for a new snapshot.</summary>
    Malformed,
}
