using Bulkhead.Sandbox.Assets;

namespace Bulkhead.Sandbox.Margin;

/// <summary>
/// The perpetuals' hourly funding rates: the premium <c>(mark − index) / index</c> sampled at every mark price update
/// and averaged over the hour, divided by <see cref="InstrumentCatalog.FundingRateCoefficient"/> and clamped to
/// ± <see cref="InstrumentCatalog.MaxRelativeFundingRate"/>, published at each hour boundary. Not thread-safe: the
/// exchange uses it under its lock. The published history lives in memory (a restart starts it again; the payments are
/// in the ledger).
/// </summary>
public sealed class FundingBoard
{
    /// <summary>How often funding is published and charged.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>Decimals of a published relative rate.</summary>
    public const int RelativeDecimals = 12;

    /// <summary>Decimals of a published absolute rate.</summary>
    public const int AbsoluteDecimals = 8;

    private readonly Dictionary<string, (DateTimeOffset Hour, decimal Sum, long Count)> _accruals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FundingRate>> _history = new(StringComparer.Ordinal);

    /// <summary>The start of the hour holding <paramref name="time"/>.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % Interval.Ticks), TimeSpan.Zero);

    /// <summary>The relative rate of a premium: <c>premium / coefficient</c>, clamped.</summary>
    public static decimal Relative(decimal premium) => decimal.Round(
        Math.Clamp(premium / InstrumentCatalog.FundingRateCoefficient, -InstrumentCatalog.MaxRelativeFundingRate, InstrumentCatalog.MaxRelativeFundingRate),
        RelativeDecimals,
        MidpointRounding.AwayFromZero);

    /// <summary>The premium of the mark over the index.</summary>
    public static decimal Premium(decimal mark, decimal index) => index <= 0m ? 0m : (mark - index) / index;

    /// <summary>Records one premium sample at <paramref name="time"/>.</summary>
    public void Sample(string symbol, DateTimeOffset time, decimal mark, decimal index)
    {
        var hour = HourOf(time);
        var premium = Premium(mark, index);
        _accruals[symbol] = _accruals.TryGetValue(symbol, out var a) && a.Hour == hour ? (hour, a.Sum + premium, a.Count + 1) : (hour, premium, 1);
    }

    /// <summary>The relative rate the hour in progress would publish now (Kraken's prediction): the samples so far, else the current premium.</summary>
    public decimal Predicted(string symbol, DateTimeOffset now, decimal mark, decimal index) =>
        _accruals.TryGetValue(symbol, out var a) && a.Hour == HourOf(now) && a.Count > 0 ? Relative(a.Sum / a.Count) : Relative(Premium(mark, index));

    /// <summary>
    /// Publishes the rate of the hour ending at <paramref name="boundary"/> (its samples, else the current premium), once:
    /// a boundary already published returns the published rate.
    /// </summary>
    public FundingRate Publish(string symbol, DateTimeOffset boundary, decimal mark, decimal index)
    {
        if (!_history.TryGetValue(symbol, out var list))
        {
            _history[symbol] = list = [];
        }

        if (list.Count > 0 && list[^1].Time >= boundary)
        {
            return list.FirstOrDefault(r => r.Time == boundary) ?? list[^1];
        }

        var relative = _accruals.TryGetValue(symbol, out var a) && a.Hour == boundary - Interval && a.Count > 0 ? Relative(a.Sum / a.Count) : Relative(Premium(mark, index));
        var rate = new FundingRate(symbol, boundary, relative, decimal.Round(relative * mark, AbsoluteDecimals, MidpointRounding.AwayFromZero));
        list.Add(rate);
        return rate;
    }

    /// <summary>The last published rate, or null.</summary>
    public FundingRate? Latest(string symbol) => _history.TryGetValue(symbol, out var list) && list.Count > 0 ? list[^1] : null;

    /// <summary>Every published rate of <paramref name="symbol"/>, oldest first.</summary>
    public IReadOnlyList<FundingRate> History(string symbol) => _history.TryGetValue(symbol, out var list) ? [.. list] : [];
}
