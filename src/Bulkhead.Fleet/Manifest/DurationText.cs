using System.Globalization;

namespace Bulkhead.Fleet.Manifest;

/// <summary>The one way durations are read (the CLI's options, the manifest's alert rules): <c>250ms</c>, <c>60s</c>, <c>5m</c>, <c>1h</c>, <c>90</c> (seconds) or <c>00:01:30</c>.</summary>
public static class DurationText
{
    /// <summary>The longest duration any option takes.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    /// <summary>Parses a positive duration (or zero when <paramref name="allowZero"/>) up to <see cref="Longest"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan duration, bool allowZero = false)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var (number, milliseconds) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1m)
            : text.EndsWith('s') ? (text[..^1], 1000m)
            : text.EndsWith('m') ? (text[..^1], 60_000m)
            : text.EndsWith('h') ? (text[..^1], 3_600_000m)
            : (text, 1000m);
        if (decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            var total = value * milliseconds;
            if (total < 0m || (total == 0m && !allowZero) || total > (decimal)Longest.TotalMilliseconds)
            {
                return false;
            }

            duration = TimeSpan.FromMilliseconds((double)total);
            return true;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero && span <= Longest)
        {
            duration = span;
            return true;
        }

        return false;
    }
}
