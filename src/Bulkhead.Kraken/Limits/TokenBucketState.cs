namespace Bulkhead.Kraken.Limits;

/// <summary>
/// The state of a <see cref="TokenBucket"/>: the moment the bucket will be full again if nothing more is spent (the
/// generic cell rate algorithm's "theoretical arrival time"). Keeping a time rather than a token count keeps the
/// arithmetic exact when the refill rate is not a finite decimal (100 per 10 minutes). Immutable; serializes with System.Text.Json.
/// </summary>
/// <param name="FullAt">When the bucket refills to capacity; at or before now means full.</param>
public sealed record TokenBucketState(DateTimeOffset FullAt);
