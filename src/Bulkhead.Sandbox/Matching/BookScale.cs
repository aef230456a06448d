namespace Bulkhead.Sandbox.Matching;

/// <summary>
/// Converts a book's decimal prices and quantities to the engine's integers: price = ticks × <see cref="TickSize"/>,
/// quantity = lots × 10^-<see cref="LotDecimals"/>.
/// </summary>
/// <param name="TickSize">The price increment (positive).</param>
/// <param name="LotDecimals">Decimals of the quantity (0 to 18).</param>
public readonly record struct BookScale(decimal TickSize, int LotDecimals)
{
    private static readonly decimal[] LotSizes =
    [
        1m, 0.1m, 0.01m, 0.001m, 0.0001m, 0.00001m, 0.000001m, 0.0000001m, 0.00000001m, 0.000000001m,
        0.0000000001m, 0.00000000001m, 0.000000000001m, 0.0000000000001m, 0.00000000000001m,
        0.000000000000001m, 0.0000000000000001m, 0.00000000000000001m, 0.000000000000000001m,
    ];

    /// <summary>The size of one lot: 10^-<see cref="LotDecimals"/>.</summary>
    public decimal LotSize => LotSizes[CheckedLotDecimals];

    private int CheckedLotDecimals => LotDecimals is >= 0 and < 19
        ? LotDecimals
        : throw new ArgumentOutOfRangeException(nameof(LotDecimals), LotDecimals, "Lot decimals must be 0 to 18.");

    private decimal CheckedTickSize => TickSize > 0m
        ? TickSize
        : throw new ArgumentOutOfRangeException(nameof(TickSize), TickSize, "The tick size must be positive.");

    /// <summary>The price in ticks.</summary>
    /// <param name="price">A price on the tick grid.</param>
    /// <returns>price / tick size.</returns>
    /// <exception cref="ArgumentException">The price is not on the tick grid or does not fit a <see cref="long"/>.</exception>
    public long ToTicks(decimal price) => ToInteger(price / CheckedTickSize, nameof(price), "tick");

    /// <summary>The decimal price of a number of ticks.</summary>
    /// <param name="ticks">Ticks.</param>
    /// <returns>ticks × tick size.</returns>
    public decimal ToPrice(long ticks) => ticks * CheckedTickSize;

    /// <summary>The quantity in lots.</summary>
    /// <param name="quantity">A quantity with at most <see cref="LotDecimals"/> decimals.</param>
    /// <returns>quantity × 10^<see cref="LotDecimals"/>.</returns>
    /// <exception cref="ArgumentException">The quantity has more decimals than a lot or does not fit a <see cref="long"/>.</exception>
    public long ToLots(decimal quantity) => ToInteger(quantity / LotSize, nameof(quantity), "lot");

    /// <summary>The decimal quantity of a number of lots.</summary>
    /// <param name="lots">Lots.</param>
    /// <returns>lots × 10^-<see cref="LotDecimals"/>.</returns>
    public decimal ToQuantity(long lots) => lots * LotSize;

    /// <summary>Whether a price is a whole number of ticks (and fits the engine's integers).</summary>
    /// <param name="price">The price.</param>
    /// <returns><see langword="true"/> if <see cref="ToTicks"/> accepts it.</returns>
    public bool IsOnTick(decimal price) => IsWholeLong(price / CheckedTickSize);

    /// <summary>Whether a quantity is a whole number of lots (and fits the engine's integers).</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns><see langword="true"/> if <see cref="ToLots"/> accepts it.</returns>
    public bool FitsLots(decimal quantity) => IsWholeLong(quantity / LotSize);

    private static bool IsWholeLong(decimal value) =>
        value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue;

    private static long ToInteger(decimal value, string parameter, string unit) => IsWholeLong(value)
        ? (long)value
        : throw new ArgumentException($"Not a whole number of {unit}s that fits the engine: {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {unit}s.", parameter);
}
