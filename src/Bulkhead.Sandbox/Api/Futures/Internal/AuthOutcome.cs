namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>What authentication decided: a caller, a Futures error string, or a rate refusal with its wait.</summary>
internal sealed record AuthOutcome(FuturesCaller? Caller, string? Error, TimeSpan? RetryAfter)
{
    public static AuthOutcome Pass(FuturesCaller caller) => new(caller, null, null);

    public static AuthOutcome Refuse(string error) => new(null, error, null);

    public static AuthOutcome Limited(TimeSpan retryAfter) => new(null, Bulkhead.Kraken.Errors.KrakenErrors.FuturesApiLimitExceeded, retryAfter);
}
