using System.Globalization;

namespace Bulkhead.Sandbox.Api;

/// <summary>How every Kraken-facing module reads an amount: one rule for Spot and Futures.</summary>
internal static class WireAmount
{
    /// <summary>A positive decimal in plain notation: digits and one point, no sign, exponent, spaces or separators; at most 40 characters.</summary>
    public static bool TryParsePositive(string? text, out decimal amount)
    {
        amount = 0;
        return text is { Length: > 0 and <= 40 }
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount)
            && amount > 0;
    }
}
