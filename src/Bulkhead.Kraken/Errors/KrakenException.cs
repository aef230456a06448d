namespace Bulkhead.Kraken.Errors;

/// <summary>Thrown by <see cref="KrakenResult{T}.GetValueOrThrow"/> for callers who prefer exceptions.</summary>
public sealed class KrakenException : Exception
{
    /// <summary>Wraps an error.</summary>
    public KrakenException(KrakenError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    /// <summary>The error.</summary>
    public KrakenError Error { get; }
}
