namespace Bulkhead.Kraken.Limits.Internal;

/// <summary>What a limiter needs from a pure rate model: book a cost on a state, read the level, start a state.</summary>
internal interface IRateModel<TState>
    where TState : class
{
    decimal Limit { get; }

    (TState State, RateDecision Decision) TryAcquire(TState? state, DateTimeOffset now, decimal cost);

    decimal UsedAt(TState? state, DateTimeOffset now);

    TState Initial(DateTimeOffset now);
}
