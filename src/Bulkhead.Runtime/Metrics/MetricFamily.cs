namespace Bulkhead.Runtime.Metrics;

/// <summary>One instrument's samples at collection time.</summary>
/// <param name="Name">Its OpenTelemetry name, e.g. <c>bulkhead.strategy.pnl</c>.</param>
/// <param name="PrometheusName">Its name on /metrics, e.g. <c>bulkhead_strategy_pnl_usd</c> (<see cref="PrometheusNames"/>).</param>
/// <param name="Kind">Gauge or counter.</param>
/// <param name="Unit">Its UCUM unit (<c>s</c>, <c>1</c>, <c>USD</c>, <c>{call}</c>), or null.</param>
/// <param name="Description">Its help text.</param>
/// <param name="Samples">One per label set.</param>
public sealed record MetricFamily(string Name, string PrometheusName, MetricKind Kind, string? Unit, string Description, IReadOnlyList<MetricSample> Samples);
