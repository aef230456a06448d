using System.Globalization;
using Bulkhead.Kraken.Spot.Models;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Spot.Internal;

/// <summary>
/// A position in the Spot ledger: the newest booking time read and the ids booked at exactly that time (ledger ids carry
/// no order, and <c>Ledgers</c>' <c>start</c> is exclusive and in whole seconds). Encoded as
/// <c>spot-ledger:&lt;UTC ticks&gt;:&lt;id&gt;,&lt;id&gt;</c>; ticks 0 is the start of the ledger.
/// </summary>
internal sealed record SpotLedgerCursor(DateTimeOffset? Time, IReadOnlySet<string> Ids)
{
    private const string Prefix = "spot-ledger:";

    public static SpotLedgerCursor Start { get; } = new(null, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>The exclusive <c>start</c> to ask <c>Ledgers</c> for so nothing at <see cref="Time"/> is missed.</summary>
    public DateTimeOffset? QueryStart => Time - TimeSpan.FromSeconds(1);

    /// <exception cref="ArgumentException">The cursor was not handed out by the Spot REST transport.</exception>
    public static SpotLedgerCursor Parse(VenueLedgerCursor cursor)
    {
        var parts = cursor.Value?.StartsWith(Prefix, StringComparison.Ordinal) == true ? cursor.Value[Prefix.Length..].Split(':') : [];
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ArgumentException($"'{cursor.Value}' is not a Spot ledger cursor", nameof(cursor));
        }

        var ids = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return ticks == 0 ? Start : new SpotLedgerCursor(new DateTimeOffset(ticks, TimeSpan.Zero), ids);
    }

    /// <summary>Whether <paramref name="entry"/> was booked after this position.</summary>
    public bool IsBefore(LedgerEntry entry) => Time is not { } time || entry.Time > time || (entry.Time == time && !Ids.Contains(entry.Id));

    /// <summary>The position after <paramref name="entries"/> (oldest first), which were all booked after this one.</summary>
    public SpotLedgerCursor After(IReadOnlyList<LedgerEntry> entries)
    {
        if (entries.Count == 0)
        {
            return this;
        }

        var newest = entries[^1].Time;
        var ids = entries.Where(e => e.Time == newest).Select(e => e.Id);
        return new SpotLedgerCursor(newest, (newest == Time ? Ids.Concat(ids) : ids).ToHashSet(StringComparer.Ordinal));
    }

    public VenueLedgerCursor Encode() =>
        new($"{Prefix}{(Time?.UtcTicks ?? 0).ToString(CultureInfo.InvariantCulture)}:{string.Join(',', Ids.Order(StringComparer.Ordinal))}");
}
