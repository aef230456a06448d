using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary><c>Balance</c>, <c>BalanceEx</c>, <c>TradeBalance</c>, <c>Ledgers</c>, <c>QueryLedgers</c>: reads of the Spot wallet and its ledger.</summary>
internal static class SpotAccountEndpoints
{
    private const int LedgerPage = 50;
    private const int MaxLedgerIds = 20;

    public static SpotAnswer Balance(SpotCall call)
    {
        var balances = Sorted(call);
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            foreach (var (asset, amount) in balances)
            {
                w.WriteString(asset.Id, SpotEnvelope.Money(amount, asset.Decimals));
            }

            w.WriteEndObject();
        });
    }

    public static SpotAnswer BalanceEx(SpotCall call)
    {
        var balances = Sorted(call);
        var holds = call.Exchange.HoldsByAsset(call.Account.Name, Wallet.Spot);
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            foreach (var (asset, amount) in balances)
            {
                w.WriteStartObject(asset.Id);
                w.WriteString("balance", SpotEnvelope.Money(amount, asset.Decimals));
                w.WriteString("hold_trade", SpotEnvelope.Money(holds.GetValueOrDefault(asset.Id), asset.Decimals));
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
    }

    public static SpotAnswer TradeBalance(SpotCall call)
    {
        var unit = call.Parameters["asset"] is { Length: > 0 } name ? AssetCatalog.Find(name) : AssetCatalog.Find("ZUSD");
        if (unit is null)
        {
            return KrakenErrors.UnknownAsset;
        }

        var usd = Sorted(call).Sum(b => b.Amount * b.Asset.UsdPrice);
        var equivalent = SpotEnvelope.Money(usd / unit.UsdPrice, unit.Decimals);
        var zero = SpotEnvelope.Money(0m, unit.Decimals);
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("eb", equivalent);
            w.WriteString("tb", equivalent);
            w.WriteString("m", zero);
            w.WriteString("n", zero);
            w.WriteString("c", zero);
            w.WriteString("v", zero);
            w.WriteString("e", equivalent);
            w.WriteString("mf", equivalent);
            w.WriteEndObject();
        });
    }

    public static SpotAnswer Ledgers(SpotCall call)
    {
        var p = call.Parameters;
        List<string>? assets = null;
        if (p["asset"] is { Length: > 0 } names && names != "all")
        {
            assets = [];
            foreach (var name in names.Split(',', StringSplitOptions.TrimEntries))
            {
                if (AssetCatalog.Find(name) is not { } asset)
                {
                    return KrakenErrors.UnknownAsset;
                }

                assets.Add(asset.Id);
            }
        }

        LedgerEntryType? type = null;
        if (p["type"] is { Length: > 0 } typeName && typeName != "all")
        {
            if (!TryType(typeName, out var parsed))
            {
                return KrakenErrors.InvalidArguments + ":type";
            }

            type = parsed;
        }

        DateTimeOffset? start = null, end = null;
        if (p["start"] is { } startText)
        {
            if (!SpotParameters.TryUnixTime(startText, out var s))
            {
                return KrakenErrors.InvalidArguments + ":start";
            }

            start = s;
        }

        if (p["end"] is { } endText)
        {
            if (!SpotParameters.TryUnixTime(endText, out var e))
            {
                return KrakenErrors.InvalidArguments + ":end";
            }

            end = e;
        }

        var offset = 0;
        if (p["ofs"] is { } ofsText && (!int.TryParse(ofsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return KrakenErrors.InvalidArguments + ":ofs";
        }

        // The key's query limits (Kraken's key settings): history outside them is not returned.
        if (call.Key.QueryStart is { } queryStart && (start is null || start < queryStart))
        {
            start = queryStart - TimeSpan.FromTicks(1);
        }

        if (call.Key.QueryEnd is { } queryEnd && (end is null || end > queryEnd))
        {
            end = queryEnd;
        }

        var query = new LedgerQuery(Wallet.Spot, assets, type, start, end, 0, int.MaxValue);
        var all = call.Exchange.Ledger(call.Account.Name, query);
        var page = all.Skip(offset).Take(LedgerPage).ToList();
        var withoutCount = p["without_count"] is "true";
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("ledger");
            foreach (var entry in page)
            {
                WriteEntry(w, entry);
            }

            w.WriteEndObject();
            if (!withoutCount)
            {
                w.WriteNumber("count", all.Count);
            }

            w.WriteEndObject();
        });
    }

    public static SpotAnswer QueryLedgers(SpotCall call)
    {
        if (call.Parameters["id"] is not { Length: > 0 } idList)
        {
            return KrakenErrors.InvalidArguments + ":id";
        }

        var ids = idList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length is 0 or > MaxLedgerIds)
        {
            return KrakenErrors.InvalidArguments + ":id";
        }

        var entries = call.Exchange.LedgerEntries(call.Account.Name, ids.ToHashSet(StringComparer.Ordinal))
            .Where(e => e.Wallet == Wallet.Spot)
            .Where(e => call.Key.QueryStart is null || e.Time >= call.Key.QueryStart)
            .Where(e => call.Key.QueryEnd is null || e.Time <= call.Key.QueryEnd)
            .ToList();
        return SpotAnswer.Ok(w =>
        {
            w.WriteStartObject();
            foreach (var entry in entries)
            {
                WriteEntry(w, entry);
            }

            w.WriteEndObject();
        });
    }

    private static void WriteEntry(Utf8JsonWriter w, LedgerEntry entry)
    {
        var decimals = AssetCatalog.Find(entry.Asset)?.Decimals ?? 8;
        w.WriteStartObject(entry.Id);
        w.WriteString("refid", entry.RefId);
        w.WriteNumber("time", entry.Time.ToUnixTimeMilliseconds() / 1000m);
        w.WriteString("type", TypeName(entry.Type));
        w.WriteString("subtype", string.Empty);
        w.WriteString("aclass", "currency");
        w.WriteString("asset", entry.Asset);
        w.WriteString("amount", SpotEnvelope.Money(entry.Amount, decimals));
        w.WriteString("fee", SpotEnvelope.Money(entry.Fee, decimals));
        w.WriteString("balance", SpotEnvelope.Money(entry.Balance, decimals));
        w.WriteEndObject();
    }

    /// <summary>Kraken's ledger <c>type</c> name.</summary>
    internal static string TypeName(LedgerEntryType type) => type switch
    {
        LedgerEntryType.Deposit => "deposit",
        LedgerEntryType.Withdrawal => "withdrawal",
        LedgerEntryType.Transfer => "transfer",
        LedgerEntryType.Trade => "trade",
        _ => "adjustment",
    };

    private static bool TryType(string name, out LedgerEntryType type)
    {
        (var ok, type) = name switch
        {
            "deposit" => (true, LedgerEntryType.Deposit),
            "withdrawal" => (true, LedgerEntryType.Withdrawal),
            "transfer" => (true, LedgerEntryType.Transfer),
            "trade" => (true, LedgerEntryType.Trade),
            _ => (false, default),
        };
        return ok;
    }

    private static List<(SandboxAsset Asset, decimal Amount)> Sorted(SpotCall call) =>
        [.. call.Exchange.Balances(call.Account.Name, Wallet.Spot)
            .Select(b => (Asset: AssetCatalog.Find(b.Key), Amount: b.Value))
            .Where(b => b.Asset is not null)
            .Select(b => (b.Asset!, b.Amount))
            .OrderBy(b => b.Item1.Id, StringComparer.Ordinal)];
}
