using System.Collections.Immutable;
using System.Globalization;

namespace Bulkhead.Fleet.Treasury;

/// <summary>
/// Where the master's ledger stood just before a step's call: the newest entry's time and the ids booked at that time
/// (Spot ledger ids are not ordered), or the derivatives ledger's cursor (<see cref="Kraken.Venues.VenueLedgerCursor"/>,
/// read from with <see cref="Kraken.Venues.ILedgerVenue.GetLedgerAsync"/>). A rerun looks only at entries after it, so
/// money moved before the step started can never be taken for the step.
/// </summary>
/// <param name="Source"><c>spot-ledger</c> or <c>futures-log</c>.</param>
/// <param name="Time">Spot: the newest entry's time (exchange clock); null when the ledger was empty. Futures: null.</param>
/// <param name="Ids">Spot: the ids of the entries booked exactly at <paramref name="Time"/>. Futures: the ledger cursor alone.</param>
public sealed record TreasuryCursor(string Source, DateTimeOffset? Time, ImmutableArray<string> Ids)
{
    /// <summary>The Spot ledger of the master.</summary>
    public const string SpotLedger = "spot-ledger";

    /// <summary>The derivatives ledger of the master.</summary>
    public const string FuturesLog = "futures-log";

    /// <summary>True when a Spot ledger entry booked at <paramref name="time"/> with id <paramref name="id"/> came after this cursor.</summary>
    public bool IsAfter(DateTimeOffset time, string id) =>
        Time is not { } t || time > t || (time == t && !Ids.Contains(id, StringComparer.Ordinal));

    /// <summary>Equal when the text forms are (the ids compared in order, not by array reference).</summary>
    public bool Equals(TreasuryCursor? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>The journal's text form: <c>source|unix-ms|id,id</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source}|{Time?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "-"}|{string.Join(',', Ids.IsDefault ? [] : Ids)}");

    /// <summary>The inverse of <see cref="ToString"/>.</summary>
    public static TreasuryCursor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|');
        if (parts.Length != 3)
        {
            throw new FormatException($"'{text}' is not a treasury cursor");
        }

        DateTimeOffset? time = parts[1] == "-" ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture));
        return new TreasuryCursor(parts[0], time, [.. parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries)]);
    }
}
