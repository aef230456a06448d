namespace Bulkhead.Sandbox.Auth;

/// <summary>
/// How many private Spot requests each API key has in flight, capped at <see cref="MaxPerKey"/>: Kraken answers
/// <c>EService: Throttled: &lt;unix time&gt;</c> when one key has too many concurrent requests (spot.md §3). Counted by
/// the <c>API-Key</c> header as sent, before anything else is checked; a key's entry goes when its last request ends, so
/// random keys leave nothing behind. Thread-safe.
/// </summary>
public sealed class InFlightLimit
{
    /// <summary>When a throttled request should retry: this long after it was refused (rounded up to a whole second).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private TaskCompletionSource? _changed;

    /// <summary>Creates the limit.</summary>
    /// <param name="maxPerKey">Requests one key may have in flight at once (<see cref="SandboxOptions.MaxInFlightPerKey"/>).</param>
    public InFlightLimit(int maxPerKey)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerKey, 1);
        MaxPerKey = maxPerKey;
    }

    /// <summary>Requests one key may have in flight at once.</summary>
    public int MaxPerKey { get; }

    /// <summary>The requests of <paramref name="apiKey"/> in flight now.</summary>
    public int InFlight(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        lock (_gate)
        {
            return _inFlight.GetValueOrDefault(apiKey);
        }
    }

    /// <summary>Counts one more request of <paramref name="apiKey"/>, or refuses (false) when it has <see cref="MaxPerKey"/> already.</summary>
    public bool TryEnter(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        lock (_gate)
        {
            var count = _inFlight.GetValueOrDefault(apiKey);
            if (count >= MaxPerKey)
            {
                return false;
            }

            _inFlight[apiKey] = count + 1;
            _changed?.TrySetResult();
            _changed = null;
            return true;
        }
    }

    /// <summary>Ends one request that <see cref="TryEnter"/> let in.</summary>
    public void Exit(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        lock (_gate)
        {
            var count = _inFlight.GetValueOrDefault(apiKey);
            if (count <= 1)
            {
                _inFlight.Remove(apiKey);
            }
            else
            {
                _inFlight[apiKey] = count - 1;
            }
        }
    }

    /// <summary>Completes once <paramref name="apiKey"/> has <paramref name="count"/> requests in flight (tests: no timing).</summary>
    internal async Task WhenInFlightAsync(string apiKey, int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_inFlight.GetValueOrDefault(apiKey) >= count)
                {
                    return;
                }

                changed = (_changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
