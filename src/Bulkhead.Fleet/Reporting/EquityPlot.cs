using Bulkhead.Fleet.Fills;
using ScottPlot;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// Draws each strategy's equity curve — its P&amp;L (realised + unrealised − fees, USD) over time from the journal's
/// <see cref="EquityPoint"/>s — as one PNG (ScottPlot over SkiaSharp; renders headless, no display needed).
/// </summary>
public static class EquityPlot
{
    /// <summary>The default size in pixels.</summary>
    public const int DefaultWidth = 1200;

    /// <summary>The default height in pixels.</summary>
    public const int DefaultHeight = 600;

    /// <summary>Writes the plot of <paramref name="points"/> to <paramref name="path"/> (its folder is created).</summary>
    /// <param name="points">Equity points of any strategies; one line per strategy.</param>
    /// <param name="path">The PNG file.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <returns>How many strategies were drawn.</returns>
    public static int WritePng(IReadOnlyList<EquityPoint> points, string path, string title = "Strategy P&L (USD)", int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var plot = new Plot();
        try
        {
            var strategies = points.GroupBy(p => p.Strategy, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            foreach (var strategy in strategies)
            {
                var ordered = strategy.OrderBy(p => p.Time).ToList();
                var xs = ordered.Select(p => p.Time.UtcDateTime.ToOADate()).ToArray();
                var ys = ordered.Select(p => (double)p.PnlUsd).ToArray();
                var line = plot.Add.Scatter(xs, ys);
                line.LegendText = strategy.Key;
                line.MarkerSize = xs.Length > 50 ? 0 : 4;
            }

            if (strategies.Count == 0)
            {
                plot.Add.Annotation("no equity points in the journal yet");
            }

            plot.Title(title);
            plot.Axes.DateTimeTicksBottom();
            plot.YLabel("P&L (USD)");
            plot.XLabel("time (UTC)");
            plot.ShowLegend(Alignment.UpperLeft);
            plot.SavePng(full, width, height);
            return strategies.Count;
        }
        finally
        {
            plot.Dispose();
        }
    }
}
