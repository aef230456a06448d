using System.Globalization;
using System.Text.Json;
using Bulkhead.Fleet.Fills;

namespace Bulkhead.Fleet.Reporting;

/// <summary>
/// Reads the account snapshots the runtime's processes write into the fill journal (<see cref="JournalSnapshot"/>):
/// <c>balances</c> (Spot: <c>{"ZUSD":"…"}</c>; Futures: <c>[{kind, wallet, currency, quantity, available}]</c>),
/// <c>margin</c> (Futures: <c>[{kind, wallet, currency, portfolioValue, availableMargin, initialMargin, maintenanceMargin}]</c>;
/// <c>kind</c> is the <see cref="Kraken.Venues.WalletKind"/>, absent from snapshots written before it was recorded)
/// and <c>volume</c> (the master's TradeVolume: <c>{"currency":"ZUSD","volume":"…"}</c>).
/// </summary>
public static class AccountSnapshots
{
    /// <summary>The kind of the balances snapshot.</summary>
    public const string BalancesKind = "balances";

    /// <summary>The kind of the Futures margin snapshot.</summary>
    public const string MarginKind = "margin";

    /// <summary>The kind of the master's 30-day volume snapshot.</summary>
    public const string VolumeKind = "volume";

    /// <summary>A Spot balances snapshot's document (<c>{"ZUSD":"…"}</c>, amounts as exact decimal text), as its writers record it.</summary>
    public static string SpotBalancesJson(IReadOnlyDictionary<string, decimal> balances)
    {
        ArgumentNullException.ThrowIfNull(balances);
        return JsonSerializer.Serialize(balances.ToDictionary(b => b.Key, b => b.Value.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A volume snapshot's document (<c>{"currency":"ZUSD","volume":"…"}</c>).</summary>
    public static string VolumeJson(string currency, decimal volume) =>
        JsonSerializer.Serialize(new { currency, volume = volume.ToString(CultureInfo.InvariantCulture) });

    /// <summary>The amounts of a balances snapshot by asset (Futures currencies upper case, summed over wallets).</summary>
    /// <exception cref="FormatException">The document is not a balances snapshot.</exception>
    public static IReadOnlyDictionary<string, decimal> Balances(JournalSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var amounts = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        using var document = Parse(snapshot);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                amounts[property.Name] = Number(property.Value, snapshot);
            }
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var wallet in root.EnumerateArray())
            {
                var currency = Text(wallet, "currency", snapshot).ToUpperInvariant();
                amounts[currency] = amounts.GetValueOrDefault(currency) + Number(Property(wallet, "quantity", snapshot), snapshot);
            }
        }
        else
        {
            throw Malformed(snapshot, "neither an object nor an array");
        }

        return amounts;
    }

    /// <summary>
    /// The margin wallet's figures of a Futures margin snapshot: the entry of kind <see cref="Kraken.Venues.WalletKind.Margin"/>
    /// (the multi-collateral wallet); in a snapshot without kinds, the first entry (the margin wallet was always listed
    /// first). Null when it lists no margin wallet.
    /// </summary>
    /// <exception cref="FormatException">The document is not a margin snapshot.</exception>
    public static FuturesMarginFigures? MarginWallet(JournalSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var document = Parse(snapshot);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw Malformed(snapshot, "not an array");
        }

        var wallets = document.RootElement.EnumerateArray().ToList();
        var margin = wallets.Any(w => w.ValueKind == JsonValueKind.Object && w.TryGetProperty("kind", out _))
            ? wallets.FirstOrDefault(w => w.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == nameof(Kraken.Venues.WalletKind.Margin))
            : wallets.FirstOrDefault();
        return margin.ValueKind == JsonValueKind.Undefined
            ? null
            : new FuturesMarginFigures(
                Number(Property(margin, "portfolioValue", snapshot), snapshot),
                Optional(margin, "initialMargin", snapshot),
                Optional(margin, "maintenanceMargin", snapshot),
                Optional(margin, "availableMargin", snapshot));
    }

    /// <summary>The 30-day volume of a volume snapshot, in its currency (Kraken: USD).</summary>
    /// <exception cref="FormatException">The document is not a volume snapshot.</exception>
    public static decimal Volume(JournalSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var document = Parse(snapshot);
        return Number(Property(document.RootElement, "volume", snapshot), snapshot);
    }

    /// <summary>
    /// An account's balances valued at <paramref name="marks"/> (null: none read; only USD is valued then). A Futures
    /// account's equity is its margin wallet's portfolio value when <paramref name="margin"/> gives one.
    /// </summary>
    /// <exception cref="FormatException">A snapshot is malformed.</exception>
    public static AccountHoldings Holdings(JournalSnapshot balances, JournalSnapshot? margin, MarkPrices? marks)
    {
        ArgumentNullException.ThrowIfNull(balances);
        var assets = Balances(balances).Where(b => b.Value != 0m)
            .Select(b => new HeldAsset(b.Key, b.Value, (marks?.FindAsset(b.Key) ?? (FillPnl.IsUsd(b.Key) ? 1m : null)) * b.Value))
            .ToList();
        decimal? equity = assets.TrueForAll(a => a.ValueUsd is not null) ? assets.Sum(a => a.ValueUsd!.Value) : null;
        if (margin is not null && MarginWallet(margin) is { } wallet)
        {
            equity = wallet.PortfolioValue;
        }

        return new AccountHoldings(balances.Account, balances.Time, balances.Process, assets, equity);
    }

    private static JsonDocument Parse(JournalSnapshot snapshot)
    {
        try
        {
            return JsonDocument.Parse(snapshot.Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the {snapshot.Kind} snapshot of {snapshot.Account} (by {snapshot.Process}) is not JSON: {ex.Message}", ex);
        }
    }

    private static JsonElement Property(JsonElement element, string name, JournalSnapshot snapshot) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : throw Malformed(snapshot, $"no \"{name}\"");

    private static string Text(JsonElement element, string name, JournalSnapshot snapshot) =>
        Property(element, name, snapshot) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw Malformed(snapshot, $"\"{name}\" is not text");

    private static decimal Optional(JsonElement element, string name, JournalSnapshot snapshot) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Number(value, snapshot) : 0m;

    private static decimal Number(JsonElement value, JournalSnapshot snapshot) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Malformed(snapshot, $"{value.GetRawText()} is not a number"),
    };

    private static FormatException Malformed(JournalSnapshot snapshot, string what) =>
        new($"the {snapshot.Kind} snapshot of {snapshot.Account} (by {snapshot.Process}) is malformed: {what}");
}
