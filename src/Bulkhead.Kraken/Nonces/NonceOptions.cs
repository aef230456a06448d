using System.ComponentModel.DataAnnotations;
using Bulkhead.Kraken.Nonces.Internal;

namespace Bulkhead.Kraken.Nonces;

/// <summary>How a <see cref="NonceSource"/> counts and how far ahead it reserves its persisted high-water mark.</summary>
public sealed class NonceOptions
{
    /// <summary>The largest <see cref="ReserveAhead"/> accepted.</summary>
    public static readonly TimeSpan MaxReserveAhead = TimeSpan.FromDays(1);

    /// <summary>
    /// The unit of the nonces. One key must only ever see one unit: changing it for a key that has been used with a
    /// finer unit makes every nonce look old to Kraken (a source keeps counting up from the persisted mark, so it
    /// stays valid, but it then advances by one per call instead of with the clock).
    /// </summary>
    /// <value><see cref="NonceUnit.Microseconds"/> (16-digit nonces).</value>
    [EnumDataType(typeof(NonceUnit))]
    public NonceUnit Unit { get; set; } = NonceUnit.Microseconds;

    /// <summary>
    /// How far beyond the current nonce the persisted high-water mark is reserved. The store is written at most about
    /// once per this much clock time (or when a burst runs past the reservation), and a restart after a crash starts
    /// above the reservation, so a restart skips up to this much of the sequence. Between 1 ms and <see cref="MaxReserveAhead"/>.
    /// </summary>
    /// <value>30 seconds.</value>
    public TimeSpan ReserveAhead { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (!Enum.IsDefined(Unit))
        {
            throw new ArgumentOutOfRangeException(nameof(Unit), Unit, NonceMessages.UnitUndefined);
        }

        if (ReserveAhead < TimeSpan.FromMilliseconds(1) || ReserveAhead > MaxReserveAhead)
        {
            throw new ArgumentOutOfRangeException(nameof(ReserveAhead), ReserveAhead, NonceMessages.ReserveAheadOutOfRange);
        }
    }

    internal NonceOptions Copy() => new() { Unit = Unit, ReserveAhead = ReserveAhead };
}
