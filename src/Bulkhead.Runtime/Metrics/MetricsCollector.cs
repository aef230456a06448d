using System.Diagnostics.Metrics;

namespace Bulkhead.Runtime.Metrics;

/// <summary>
/// Reads one <see cref="Meter"/>'s instruments with a <see cref="MeterListener"/> (System.Diagnostics.Metrics, no
/// exporter package): <see cref="Collect"/> runs every observable instrument's callback once and returns what they
/// reported, and counters (<see cref="Counter{T}"/>) are summed as their measurements arrive. Only this meter instance is
/// listened to, so two fleets in one process never mix. Thread-safe; one collection at a time.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly Meter _meter;
    private readonly TimeProvider _time;
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly List<Instrument> _instruments = [];
    private readonly Dictionary<Instrument, Dictionary<string, (IReadOnlyList<KeyValuePair<string, string>> Labels, decimal Value)>> _sums = [];
    private Dictionary<Instrument, List<MetricSample>>? _observed;

    /// <summary>Starts listening to <paramref name="meter"/>'s instruments (those created later included).</summary>
    public MetricsCollector(Meter meter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(time);
        _meter = meter;
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter, _meter))
            {
                return;
            }

            lock (_gate)
            {
                _instruments.Add(instrument);
            }

            listener.EnableMeasurementEvents(instrument);
        };
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_gate)
            {
                _instruments.Remove(instrument);
                _sums.Remove(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) =>
        {
            if (double.IsFinite(v))
            {
                Record(i, (decimal)v, tags);
            }
        });
        _listener.Start();
    }

    /// <summary>Every instrument's samples now, in the order the instruments were created.</summary>
    public MetricsSnapshot Collect()
    {
        lock (_gate)
        {
            _observed = [];
            try
            {
                _listener.RecordObservableInstruments();
                var families = _instruments.Select(i => Family(i, _observed.GetValueOrDefault(i) ?? Sums(i))).ToList();
                return new MetricsSnapshot(_time.GetUtcNow(), families);
            }
            finally
            {
                _observed = null;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private static MetricFamily Family(Instrument instrument, List<MetricSample> samples)
    {
        var kind = instrument is ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<decimal> or ObservableCounter<double>
            or Counter<long> or Counter<int> or Counter<decimal> or Counter<double>
            ? MetricKind.Counter
            : MetricKind.Gauge;
        return new MetricFamily(instrument.Name, PrometheusNames.Metric(instrument.Name, instrument.Unit, kind), kind, instrument.Unit, instrument.Description ?? instrument.Name, samples);
    }

    private List<MetricSample> Sums(Instrument instrument) =>
        _sums.TryGetValue(instrument, out var sums) ? [.. sums.Values.Select(s => new MetricSample(s.Labels, s.Value))] : [];

    private void Record(Instrument instrument, decimal value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (_gate)
        {
            if (instrument.IsObservable)
            {
                if (_observed is null)
                {
                    return;
                }

                if (!_observed.TryGetValue(instrument, out var list))
                {
                    _observed[instrument] = list = [];
                }

                list.Add(new MetricSample(labels, value));
                return;
            }

            if (!_sums.TryGetValue(instrument, out var sums))
            {
                _sums[instrument] = sums = new(StringComparer.Ordinal);
            }

            var key = string.Join('\u001f', labels.Select(l => l.Key + "=" + l.Value));
            sums[key] = (labels, (sums.TryGetValue(key, out var sum) ? sum.Value : 0m) + value);
        }
    }

    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(tags[i].Key, Convert.ToString(tags[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }
}
