namespace Bulkhead.Kraken.Errors;

/// <summary>
/// One failure of a Kraken call, as a value. <see cref="Code"/> keeps the exchange's wire string verbatim
/// (<c>EAPI:Invalid nonce</c>, <c>nonceBelowThreshold</c>), or a <c>Bulkhead:</c> code for local and transport failures.
/// Messages never contain secrets.
/// </summary>
public sealed record KrakenError
{
    /// <summary>Creates an error. Prefer the factories on <see cref="KrakenErrors"/>.</summary>
    public KrakenError(string code, KrakenErrorCategory category, KrakenErrorOrigin origin, string message, TimeSpan? retryAfter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        Code = code;
        Category = category;
        Origin = origin;
        Message = message;
        RetryAfter = retryAfter;
    }

    /// <summary>The wire string, verbatim, or a <c>Bulkhead:</c> code.</summary>
    public string Code { get; }

    /// <summary>The classification from the catalogue.</summary>
    public KrakenErrorCategory Category { get; }

    /// <summary>Where the error was decided.</summary>
    public KrakenErrorOrigin Origin { get; }

    /// <summary>A sentence for humans: what happened and what to do.</summary>
    public string Message { get; }

    /// <summary>When known, how long to wait before the same call can succeed.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the error counts toward Kraken's key lockout (authentication failures).</summary>
    public bool CountsTowardLockout => Category == KrakenErrorCategory.Authentication && Origin == KrakenErrorOrigin.Exchange;

    /// <summary>True when repeating the same call later may succeed. Authentication and lockout errors are never transient.</summary>
    public bool IsTransient => Category is KrakenErrorCategory.Transient or KrakenErrorCategory.RateLimit;

    /// <inheritdoc />
    public override string ToString() => Code == Message ? Code : $"{Code}: {Message}";
}
