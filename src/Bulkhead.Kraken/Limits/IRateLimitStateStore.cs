namespace Bulkhead.Kraken.Limits;

/// <summary>
/// Where rate-limiter state lives. Kraken's limits are per account, not per key, so processes with different keys on
/// the same account must share one state: this in-process store serves one process; the fleet's SQLite and PostgreSQL
/// stores serve many. States are small immutable records that serialize with System.Text.Json.
/// </summary>
public interface IRateLimitStateStore
{
    /// <summary>
    /// Atomically reads the state stored under <paramref name="key"/> (null when none), applies <paramref name="transition"/>,
    /// stores the state it returns and returns its result. No other update of the same key interleaves.
    /// </summary>
    TResult Update<TState, TResult>(string key, Func<TState?, (TState State, TResult Result)> transition)
        where TState : class;
}
