namespace Bulkhead.Runtime.Metrics;

/// <summary>What a metric family is in Prometheus' exposition format.</summary>
public enum MetricKind
{
    /// <summary>A value that goes up and down.</summary>
    Gauge,

    /// <summary>A count that only goes up (Prometheus name ends in <c>_total</c>).</summary>
    Counter,
}
