namespace Bulkhead.Sandbox.Auth;

/// <summary>
/// Injected faults, set through <c>POST /admin/faults</c>: extra latency before every Kraken-API answer, and a share of
/// requests answered <c>EService:Unavailable</c> / <c>Unavailable</c> without touching state. Thread-safe.
/// </summary>
public sealed class FaultSettings
{
    private readonly Lock _gate = new();
    private TimeSpan _latency;
    private decimal _unavailableRate;

    /// <summary>Latency added before each Kraken-API answer.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
    }

    /// <summary>Share of Kraken-API requests, 0 to 1, answered as unavailable.</summary>
    public decimal UnavailableRate
    {
        get { lock (_gate) { return _unavailableRate; } }
    }

    /// <summary>Sets both; validated.</summary>
    public void Set(TimeSpan latency, decimal unavailableRate)
    {
        if (latency < TimeSpan.Zero || latency > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(latency), latency, "latencyMs must be between 0 and 60000.");
        }

        if (unavailableRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(unavailableRate), unavailableRate, "unavailableRate must be between 0 and 1.");
        }

        lock (_gate)
        {
            _latency = latency;
            _unavailableRate = unavailableRate;
        }
    }
}
