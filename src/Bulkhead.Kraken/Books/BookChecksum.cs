namespace Bulkhead.Kraken.Books;

/// <summary>
/// Kraken's v2 book checksum (websocket.md §10): CRC-32 (IEEE, as zlib) over the top 10 asks (low → high) then the top
/// 10 bids (high → low), each level contributing its price then its quantity <b>as printed on the wire</b> with the
/// <c>.</c> removed and leading zeros stripped (<c>"0.00100000"</c> → <c>"100000"</c>). The L3 variant walks every order
/// of each of the top 10 levels in queue order. Works on the wire strings directly, without allocating.
/// </summary>
public static class BookChecksum
{
    /// <summary>How many levels of each side the checksum covers, whatever the subscribed depth.</summary>
    public const int Levels = 10;

    private static readonly uint[] Table = BuildTable();

    /// <summary>
    /// The checksum of an L2 book: <paramref name="asks"/> best (lowest) first, <paramref name="bids"/> best (highest)
    /// first, each level's price and quantity as the wire prints them; only the first <see cref="Levels"/> of each count.
    /// </summary>
    public static uint Compute(IEnumerable<(string Price, string Qty)> asks, IEnumerable<(string Price, string Qty)> bids)
    {
        ArgumentNullException.ThrowIfNull(asks);
        ArgumentNullException.ThrowIfNull(bids);
        var crc = uint.MaxValue;
        crc = Side(crc, asks);
        crc = Side(crc, bids);
        return ~crc;
    }

    /// <summary>
    /// The checksum of an L3 book: the first <see cref="Levels"/> price levels of each side (asks lowest first, bids highest
    /// first), each level's orders in queue order as (limit price, order quantity) wire strings.
    /// </summary>
    public static uint ComputeLevel3(IEnumerable<IEnumerable<(string Price, string Qty)>> asks, IEnumerable<IEnumerable<(string Price, string Qty)>> bids)
    {
        ArgumentNullException.ThrowIfNull(asks);
        ArgumentNullException.ThrowIfNull(bids);
        var crc = uint.MaxValue;
        crc = OrdersSide(crc, asks);
        crc = OrdersSide(crc, bids);
        return ~crc;
    }

    /// <summary>Appends one level (or one order) to a running checksum started at <see cref="uint.MaxValue"/>; finish with <c>~crc</c>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<char> price, ReadOnlySpan<char> qty) => Stripped(Stripped(crc, price), qty);

    /// <summary>
    /// Appends one level from decimals parsed from the wire text (a <see cref="decimal"/> keeps the text's scale:
    /// <c>0.10000000</c> is 10000000 × 10⁻⁸). A decimal's coefficient is exactly the wire digits without the point and
    /// without leading zeros, so this equals <see cref="Append(uint, ReadOnlySpan{char}, ReadOnlySpan{char})"/> on the
    /// text, without formatting or allocating. Only the magnitude counts (book prices and quantities are never negative).
    /// </summary>
    public static uint Append(uint crc, decimal price, decimal qty) => Coefficient(Coefficient(crc, price), qty);

    /// <summary>Plain CRC-32 (IEEE) of ASCII text (each char taken as one byte).</summary>
    public static uint Crc32(ReadOnlySpan<char> ascii)
    {
        var crc = uint.MaxValue;
        foreach (var c in ascii)
        {
            crc = Step(crc, (byte)c);
        }

        return ~crc;
    }

    private static uint Side(uint crc, IEnumerable<(string Price, string Qty)> levels)
    {
        var taken = 0;
        foreach (var (price, qty) in levels)
        {
            if (taken++ == Levels)
            {
                break;
            }

            crc = Append(crc, price, qty);
        }

        return crc;
    }

    private static uint OrdersSide(uint crc, IEnumerable<IEnumerable<(string Price, string Qty)>> levels)
    {
        var taken = 0;
        foreach (var orders in levels)
        {
            if (taken++ == Levels)
            {
                break;
            }

            foreach (var (price, qty) in orders)
            {
                crc = Append(crc, price, qty);
            }
        }

        return crc;
    }

    // The number's digits without '.', leading zeros skipped (after the point is removed: "0.0012" → "12").
    private static uint Stripped(uint crc, ReadOnlySpan<char> number)
    {
        var leading = true;
        foreach (var c in number)
        {
            if (c == '.' || (leading && c == '0'))
            {
                continue;
            }

            leading = false;
            crc = Step(crc, (byte)c);
        }

        return crc;
    }

    // The coefficient's decimal digits, most significant first; none for zero (as "0.000" strips to nothing).
    private static uint Coefficient(uint crc, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var low = unchecked((uint)bits[0] | ((ulong)(uint)bits[1] << 32));
        var high = unchecked((uint)bits[2]);
        Span<byte> digits = stackalloc byte[29];
        var start = digits.Length;
        if (high == 0)
        {
            while (low != 0)
            {
                var quotient = low / 10;
                digits[--start] = (byte)('0' + (low - (quotient * 10)));
                low = quotient;
            }
        }
        else
        {
            var wide = ((UInt128)high << 64) | low;
            while (wide != 0)
            {
                var quotient = wide / 10;
                digits[--start] = (byte)('0' + (byte)(wide - (quotient * 10)));
                wide = quotient;
            }
        }

        foreach (var digit in digits[start..])
        {
            crc = Step(crc, digit);
        }

        return crc;
    }

    private static uint Step(uint crc, byte value) => Table[(crc ^ value) & 0xFF] ^ (crc >> 8);

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256u; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
