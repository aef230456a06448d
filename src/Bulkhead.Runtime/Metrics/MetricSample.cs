namespace Bulkhead.Runtime.Metrics;

/// <summary>One series' value at collection time.</summary>
/// <param name="Labels">Its labels, by OpenTelemetry attribute name, sorted by name.</param>
/// <param name="Value">Its value (exact for decimals and integers).</param>
public sealed record MetricSample(IReadOnlyList<KeyValuePair<string, string>> Labels, decimal Value)
{
    /// <summary>The label's value, or null.</summary>
    public string? Label(string name) => Labels.FirstOrDefault(l => l.Key == name).Value;
}
