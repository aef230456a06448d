namespace Bulkhead.Runtime.Metrics;

/// <summary>Every instrument of the fleet's meter at one collection, in creation order.</summary>
/// <param name="Time">When it was collected.</param>
/// <param name="Families">One per instrument (an instrument with nothing to report has no samples).</param>
public sealed record MetricsSnapshot(DateTimeOffset Time, IReadOnlyList<MetricFamily> Families)
{
    /// <summary>The family whose OpenTelemetry or Prometheus name is <paramref name="name"/>, or null.</summary>
    public MetricFamily? Find(string name) =>
        Families.FirstOrDefault(f => f.Name == name || f.PrometheusName == name);
}
