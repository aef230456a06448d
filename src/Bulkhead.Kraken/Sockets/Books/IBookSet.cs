namespace Bulkhead.Kraken.Sockets.Books;

/// <summary>The books a <c>book</c> message's items are applied to, found by symbol without allocating.</summary>
internal interface IBookSet
{
    /// <summary>The book of the item's <c>symbol</c> (its UTF-8 bytes), or null when none is kept.</summary>
    LocalBook? Find(ReadOnlySpan<byte> symbol);

    /// <summary>Told once per item applied to one of its books.</summary>
    void Applied(LocalBook book, BookApplyResult result);
}
