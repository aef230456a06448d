using System.Globalization;
using System.Text;

namespace Bulkhead.Runtime.Metrics;

/// <summary>
/// Writes a <see cref="MetricsSnapshot"/> in Prometheus' text exposition format 0.0.4 (what <c>promtool check metrics</c>
/// and a Prometheus server read): per family <c># HELP</c>, <c># TYPE</c>, then one line per series with its labels
/// (values escaped) and its value in invariant culture. No timestamps: the scrape's time is the sample's.
/// </summary>
public static class PrometheusText
{
    /// <summary>The content type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The snapshot as exposition text.</summary>
    public static string Write(MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder();
        foreach (var family in snapshot.Families)
        {
            text.Append("# HELP ").Append(family.PrometheusName).Append(' ').Append(EscapeHelp(family.Description)).Append('\n');
            text.Append("# TYPE ").Append(family.PrometheusName).Append(' ').Append(family.Kind == MetricKind.Counter ? "counter" : "gauge").Append('\n');
            foreach (var sample in family.Samples)
            {
                text.Append(family.PrometheusName);
                if (sample.Labels.Count > 0)
                {
                    text.Append('{');
                    for (var i = 0; i < sample.Labels.Count; i++)
                    {
                        if (i > 0)
                        {
                            text.Append(',');
                        }

                        text.Append(PrometheusNames.Label(sample.Labels[i].Key)).Append("=\"").Append(EscapeLabel(sample.Labels[i].Value)).Append('"');
                    }

                    text.Append('}');
                }

                text.Append(' ').Append(sample.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string EscapeHelp(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
