using System.Text;

namespace Bulkhead.Runtime.Metrics;

/// <summary>
/// OpenTelemetry names to Prometheus names, as OpenTelemetry's Prometheus compatibility rules map them: every character
/// outside <c>[a-zA-Z0-9_:]</c> (the dots) becomes <c>_</c>; the unit becomes a suffix — <c>s</c> → <c>_seconds</c>,
/// <c>1</c> → <c>_ratio</c>, <c>USD</c> → <c>_usd</c> (lower-cased, Prometheus' snake case), annotations in braces
/// (<c>{call}</c>) none; counters end in <c>_total</c>. A label's dots become <c>_</c> (<c>error.type</c> → <c>error_type</c>).
/// </summary>
public static class PrometheusNames
{
    /// <summary>The Prometheus name of an instrument.</summary>
    public static string Metric(string name, string? unit, MetricKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var result = Sanitize(name);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !result.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            result += "_" + suffix;
        }

        return kind == MetricKind.Counter && !result.EndsWith("_total", StringComparison.Ordinal) ? result + "_total" : result;
    }

    /// <summary>The Prometheus name of a label (attribute).</summary>
    public static string Label(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Sanitize(name);
    }

    /// <summary>The suffix a unit adds (empty for none and for annotations such as <c>{call}</c>).</summary>
    public static string UnitSuffix(string? unit) => unit switch
    {
        null or "" => string.Empty,
        "s" => "seconds",
        "ms" => "milliseconds",
        "By" => "bytes",
        "1" => "ratio",
        _ when unit.StartsWith('{') => string.Empty,
        _ => Sanitize(unit).ToLowerInvariant(),
    };

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        if (char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }
}
