using System.Text.Json;
using Bulkhead.Kraken.Spot.Models;
using static Bulkhead.Kraken.Spot.Internal.SpotJson;

namespace Bulkhead.Kraken.Spot.Internal;

/// <summary>Kraken's funding shapes: withdrawals, wallet and subaccount transfers, subaccount creation.</summary>
internal static class FundingWire
{
    /// <summary>The wallet names ccxt sends for a spot → futures transfer.</summary>
    public const string SpotWallet = "Spot Wallet";

    /// <summary>The futures wallet's name.</summary>
    public const string FuturesWallet = "Futures Wallet";

    public static List<KeyValuePair<string, string>> Withdraw(string asset, string key, decimal amount, string? address)
    {
        var p = new List<KeyValuePair<string, string>> { new("asset", asset), new("key", key), new("amount", Format(amount)) };
        if (address is not null)
        {
            p.Add(new("address", address));
        }

        return p;
    }

    public static List<KeyValuePair<string, string>> WalletTransfer(string asset, decimal amount) =>
        [new("asset", asset), new("from", SpotWallet), new("to", FuturesWallet), new("amount", Format(amount))];

    public static List<KeyValuePair<string, string>> CreateSubaccount(string username, string email) =>
        [new("username", username), new("email", email)];

    public static List<KeyValuePair<string, string>> AccountTransfer(string asset, decimal amount, string from, string to) =>
        [new("asset", asset), new("amount", Format(amount)), new("from", from), new("to", to)];

    public static string ReferenceId(JsonElement r) => Text(r, "refid");

    public static bool Created(JsonElement r) =>
        r.ValueKind is JsonValueKind.True or JsonValueKind.False ? r.GetBoolean() : throw new FormatException("expected true or false");

    public static AccountTransferResult AccountTransfer(JsonElement r) => new(Text(r, "transfer_id"), Text(r, "status"));
}
