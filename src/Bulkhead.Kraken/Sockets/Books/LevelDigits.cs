using System.Runtime.CompilerServices;
using Bulkhead.Kraken.Books;

namespace Bulkhead.Kraken.Sockets.Books;

/// <summary>
/// A level's checksum digits (price then quantity, as <see cref="BookChecksum.Strip"/> writes them from the wire text),
/// kept beside the level so that verifying a message only runs the CRC over the top levels' bytes.
/// </summary>
internal struct LevelDigits
{
    /// <summary>Room for both numbers' significant digits (Kraken prints at most 8 decimals).</summary>
    public const int Capacity = 56;

    private Buffer _bytes;
    private byte _length;

    /// <summary>The digits of a level, or false when they do not fit (an absurd number: the message is treated as unreadable).</summary>
    public static bool TryCreate(ReadOnlySpan<byte> price, ReadOnlySpan<byte> qty, out LevelDigits digits)
    {
        digits = default;
        Span<byte> room = digits._bytes;
        var priceLength = BookChecksum.Strip(price, room);
        var qtyLength = priceLength < 0 ? -1 : BookChecksum.Strip(qty, room[priceLength..]);
        if (qtyLength < 0)
        {
            return false;
        }

        digits._length = (byte)(priceLength + qtyLength);
        return true;
    }

    /// <summary>Appends the digits to a running checksum.</summary>
    public readonly uint AppendTo(uint crc) => BookChecksum.AppendDigits(crc, ((ReadOnlySpan<byte>)_bytes)[.._length]);

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private byte _element;
    }
}
