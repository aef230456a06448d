namespace Bulkhead.Kraken.Errors;

/// <summary>Where a <see cref="KrakenError"/> was decided.</summary>
public enum KrakenErrorOrigin
{
    /// <summary>The exchange said so in its answer.</summary>
    Exchange = 0,

    /// <summary>Bulkhead refused before sending (lockout guard, rate budget, bad credentials). Nothing reached the network.</summary>
    Local,

    /// <summary>The request or its answer failed on the way (HTTP status, timeout, unreadable body).</summary>
    Transport,
}
