namespace Bulkhead.Kraken.Limits.Internal;

/// <summary>The one implementation of a limiter over a model and a shared state store; the public limiters delegate to it.</summary>
internal sealed class StoredLimiter<TState>
    where TState : class
{
    private readonly string _name;
    private readonly string _key;
    private readonly IRateModel<TState> _model;
    private readonly IRateLimitStateStore _store;
    private readonly TimeProvider _time;

    public StoredLimiter(string name, string key, IRateModel<TState> model, IRateLimitStateStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _name = name;
        _key = key;
        _model = model;
        _store = store;
        _time = time;
    }

    public RateDecision TryAcquire(decimal cost)
    {
        RateMath.ValidateCost(cost, _model.Limit, _name);
        return cost == 0m
            ? RateDecision.Grant
            : _store.Update<TState, RateDecision>(_key, s => _model.TryAcquire(s, _time.GetUtcNow(), cost));
    }

    public RateHeadroom GetHeadroom() =>
        _store.Update<TState, RateHeadroom>(_key, s =>
        {
            var now = _time.GetUtcNow();
            return (s ?? _model.Initial(now), new RateHeadroom(_name, _model.UsedAt(s, now), _model.Limit));
        });
}
