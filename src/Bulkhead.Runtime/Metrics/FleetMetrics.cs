using System.Diagnostics.Metrics;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Runtime.Supervisor;

namespace Bulkhead.Runtime.Metrics;

/// <summary>
/// The fleet's metrics as System.Diagnostics.Metrics instruments on one <see cref="Meter"/> (<see cref="MeterName"/>),
/// all observable: each collection reads the supervisor's snapshot and counters (processes, calls, errors, guard trips,
/// halts, drawdown from the traders' heartbeats, the kill switch) and the fleet's figures (<see cref="IFleetFigures"/>:
/// fills, fees, P&amp;L, marks, margin, equity, rate headroom, leases, fee-tier volume). Names follow OpenTelemetry's
/// conventions; /metrics shows them under their Prometheus names (<see cref="PrometheusNames"/>). docs/operations.md
/// lists every one. Other parts of the supervisor (alerts) add their instruments to <see cref="Meter"/>.
/// </summary>
public sealed partial class FleetMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Bulkhead.Fleet";

    private static readonly string[] States = [.. Enum.GetNames<ProcessState>().Select(s => s.ToLowerInvariant())];

    private readonly FleetSupervisor _supervisor;
    private readonly FleetManifest _manifest;
    private readonly IFleetFigures? _source;
    private readonly TimeProvider _time;
    private readonly MetricsCollector _collector;
    private readonly SemaphoreSlim _collecting = new(1, 1);
    private FleetFigures? _figures;

    /// <summary>Creates the instruments over <paramref name="supervisor"/> and, when given, the fleet's figures.</summary>
    public FleetMetrics(FleetSupervisor supervisor, TimeProvider time, IFleetFigures? figures = null)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(time);
        _supervisor = supervisor;
        _manifest = supervisor.Manifest;
        _source = figures;
        _time = time;
        Meter = new Meter(MeterName, typeof(FleetMetrics).Assembly.GetName().Version?.ToString());
        _collector = new MetricsCollector(Meter, time);
        CreateProcessInstruments();
        CreateStrategyInstruments();
        CreateAccountInstruments();
    }

    /// <summary>The meter every instrument of the fleet is created on.</summary>
    public Meter Meter { get; }

    /// <summary>The figures of the last collection (null before the first, or without a figures source).</summary>
    public FleetFigures? Figures => Volatile.Read(ref _figures);

    /// <summary>
    /// Reads the fleet's figures (when it has a source; a failed read keeps the last ones), then collects every
    /// instrument. One collection at a time: a scrape and the alert evaluation never interleave.
    /// </summary>
    public async Task<MetricsSnapshot> CollectAsync(CancellationToken cancellationToken)
    {
        await _collecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_source is not null)
            {
                try
                {
                    Volatile.Write(ref _figures, await _source.ReadAsync(cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException)
                {
                    // The last figures stay; each source reports its own failures on the page.
                }
            }

            return _collector.Collect();
        }
        finally
        {
            _collecting.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _collector.Dispose();
        Meter.Dispose();
        _collecting.Dispose();
    }

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    private static Measurement<T> Measure<T>(T value, params KeyValuePair<string, object?>[] tags)
        where T : struct => new(value, tags);
}
