namespace Bulkhead.Kraken.Venues;

/// <summary>Which fills <see cref="IFillVenue.GetFillsAsync"/> reads.</summary>
public sealed record VenueFillQuery
{
    /// <summary>Every fill the venue keeps.</summary>
    public static VenueFillQuery All { get; } = new();

    /// <summary>Only fills at or after this time.</summary>
    /// <value>Null: the whole history the venue keeps.</value>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// Tells which fill ids the caller holds already: those are left out of the answer and their fees are not looked up
    /// (on Futures a fee costs an account-log read).
    /// </summary>
    /// <value>Null: none are known.</value>
    public Func<string, bool>? IsKnown { get; init; }

    /// <summary>
    /// Stop paging back at the first page whose fills are all known: fills arrive newest first, so once a page is known the
    /// older ones are too (a poll for new fills). False: read back to <see cref="Since"/> (a catch-up).
    /// </summary>
    /// <value>False.</value>
    public bool StopAtKnownPage { get; init; }
}
