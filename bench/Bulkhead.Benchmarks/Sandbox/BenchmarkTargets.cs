using Bulkhead.Kraken.Nonces;
using Bulkhead.Kraken.Signing;

namespace Bulkhead.Benchmarks.Sandbox;

/// <summary>One client worker of the HTTP throughput benchmarks: its key and its nonce sequence.</summary>
internal sealed record Worker(KrakenCredentials Credentials, NonceSource Nonces);

internal sealed class Target(Uri baseUrl, Worker[] workers) : IDisposable
{
    public Uri BaseUrl { get; } = baseUrl;

    public Worker[] Workers { get; } = workers;

    public void Dispose()
    {
        foreach (var worker in Workers)
        {
            worker.Nonces.Dispose();
        }
    }
}

/// <summary>Real time, sped up: the sandbox's rate counters decay <c>factor</c> times faster, so they never refuse a benchmark call.</summary>
internal sealed class FastClock(long factor) : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private readonly long _startTimestamp = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _start + System.GetElapsedTime(_startTimestamp) * factor;

    public override long GetTimestamp() => _startTimestamp + ((System.GetTimestamp() - _startTimestamp) * factor);
}
