using System.Globalization;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Wire;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Futures.Rest.Internal;

/// <summary>Maps account-log entries onto <see cref="VenueLedgerEntry"/> and the log's entry ids onto <see cref="VenueLedgerCursor"/>.</summary>
internal static class FuturesLedger
{
    public const string CashWallet = "cash";
    public const string FlexWallet = "flex";
    private const string CursorPrefix = "futures-log:";

    /// <summary>The cursor after entry <paramref name="id"/> (0: before the first).</summary>
    public static VenueLedgerCursor Cursor(long id) => new(CursorPrefix + id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The last entry id a cursor of this transport stands after.</summary>
    /// <exception cref="ArgumentException">The cursor was not handed out by the Futures REST transport.</exception>
    public static long LastId(VenueLedgerCursor cursor) =>
        cursor.Value is { } text && text.StartsWith(CursorPrefix, StringComparison.Ordinal)
        && long.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new ArgumentException($"'{cursor.Value}' is not a Futures account-log cursor", nameof(cursor));

    /// <summary>What a wallet of <c>/accounts</c> or of the log's <c>margin_account</c> is for.</summary>
    public static WalletKind WalletKindOf(string wallet) => wallet switch
    {
        CashWallet => WalletKind.Holding,
        FlexWallet => WalletKind.Margin,
        _ => WalletKind.IsolatedMargin,
    };

    /// <summary>The wallet name a <see cref="WalletKind"/> is spelled as on the wire.</summary>
    public static string WalletName(WalletKind kind) => kind switch
    {
        WalletKind.Holding => CashWallet,
        WalletKind.Margin => FlexWallet,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Futures transfers move money between the holding (cash) and margin (flex) wallets."),
    };

    /// <summary>
    /// The entries as ledger entries, leaving out trades' position legs (their asset is the contract: a position, not
    /// money). Amount is the balance change plus the fee (Kraken's Spot convention), so the balance moves by amount − fee.
    /// </summary>
    public static KrakenResult<IReadOnlyList<VenueLedgerEntry>> Map(IEnumerable<FuturesAccountLogEntry> entries)
    {
        var mapped = new List<VenueLedgerEntry>();
        foreach (var e in entries)
        {
            if (e.Asset is not { Length: > 0 } || e.Date is null)
            {
                return KrakenErrors.BadResponse($"account-log: entry {e.Id} has no asset or no date");
            }

            if (!string.Equals(e.Asset, e.Contract, StringComparison.OrdinalIgnoreCase))
            {
                mapped.Add(Map(e, e.Asset, e.Date.Value));
            }
        }

        return KrakenResult<IReadOnlyList<VenueLedgerEntry>>.Ok(mapped);
    }

    private static VenueLedgerEntry Map(FuturesAccountLogEntry e, string asset, DateTimeOffset time)
    {

        var fee = e.Fee ?? 0m;
        var amount = e.NewBalance is { } after && e.OldBalance is { } before
            ? after - before + fee
            : e.RealisedProfitAndLoss ?? e.RealisedFunding ?? 0m;
        var wallet = e.MarginAccount ?? FlexWallet;
        return new VenueLedgerEntry(
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.BookingUid,
            time,
            KindOf(e.Info),
            WalletKindOf(wallet),
            wallet,
            asset.ToUpperInvariant(),
            amount,
            fee,
            e.NewBalance,
            e.Execution,
            e.Contract?.ToUpperInvariant());
    }

    /// <summary>The kind of an entry by its <c>info</c> (futures.md §6.12; unknown kinds are <see cref="VenueLedgerKind.Other"/>).</summary>
    public static VenueLedgerKind KindOf(string? info) => info?.ToLowerInvariant() switch
    {
        "futures trade" => VenueLedgerKind.Trade,
        "futures liquidation" => VenueLedgerKind.Liquidation,
        "funding rate change" => VenueLedgerKind.Funding,
        "settlement" => VenueLedgerKind.Settlement,
        "conversion" => VenueLedgerKind.Conversion,
        { } text when text.Contains("deposit", StringComparison.Ordinal) => VenueLedgerKind.Deposit,
        { } text when text.Contains("withdraw", StringComparison.Ordinal) => VenueLedgerKind.Withdrawal,
        { } text when text.Contains("transfer", StringComparison.Ordinal) => VenueLedgerKind.Transfer,
        _ => VenueLedgerKind.Other,
    };
}
