using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Wire;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Futures.Rest;

public sealed partial class FuturesRestClient
{
    /// <summary>The master account's subaccounts and their wallets (<c>GET /subaccounts</c>).</summary>
    internal Task<KrakenResult<FuturesSubaccounts>> ListSubaccountsAsync(CancellationToken cancellationToken = default) =>
        ReadRootAsync<FuturesSubaccounts>(HttpMethod.Get, "subaccounts", null, cancellationToken);

    /// <summary>Whether a subaccount may trade (<c>GET /subaccount/{uid}/trading-enabled</c>).</summary>
    public Task<KrakenResult<bool>> GetSubaccountTradingEnabledAsync(string subaccountUid, CancellationToken cancellationToken = default) =>
        TradingEnabledAsync(HttpMethod.Get, subaccountUid, null, cancellationToken);

    /// <summary>Allows or stops a subaccount's trading (<c>PUT /subaccount/{uid}/trading-enabled?tradingEnabled=</c>, parameter in the query). Returns the new state.</summary>
    public Task<KrakenResult<bool>> SetSubaccountTradingEnabledAsync(string subaccountUid, bool enabled, CancellationToken cancellationToken = default) =>
        TradingEnabledAsync(HttpMethod.Put, subaccountUid, [new("tradingEnabled", enabled ? "true" : "false")], cancellationToken);

    /// <summary>Moves funds between two wallets of this account (<c>POST /transfer</c>: <c>fromAccount</c>, <c>toAccount</c>, <c>unit</c>, <c>amount</c>). Never resent automatically.</summary>
    public Task<KrakenResult<VenueTransferAck>> TransferAsync(string fromWallet, string toWallet, string currency, decimal amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromWallet);
        ArgumentException.ThrowIfNullOrEmpty(toWallet);
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return MoveAsync("transfer", [new("fromAccount", fromWallet), new("toAccount", toWallet), new("unit", currency), new("amount", Wire(amount))], cancellationToken);
    }

    /// <summary>
    /// Moves funds between the master account and a subaccount or between subaccounts (<c>POST /transfer/subaccount</c>).
    /// Whether Kraken wants UIDs or e-mail addresses in <paramref name="fromUser"/>/<paramref name="toUser"/> is unconfirmed; they are sent as given. Never resent automatically.
    /// </summary>
    public Task<KrakenResult<VenueTransferAck>> SubaccountTransferAsync(string fromUser, string toUser, string fromWallet, string toWallet, string currency, decimal amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromUser);
        ArgumentException.ThrowIfNullOrEmpty(toUser);
        ArgumentException.ThrowIfNullOrEmpty(fromWallet);
        ArgumentException.ThrowIfNullOrEmpty(toWallet);
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return MoveAsync("transfer/subaccount",
            [new("fromUser", fromUser), new("toUser", toUser), new("fromAccount", fromWallet), new("toAccount", toWallet), new("unit", currency), new("amount", Wire(amount))],
            cancellationToken);
    }

    /// <summary>Moves funds to the user's Kraken Spot wallet (<c>POST /withdrawal</c>; needs a withdrawal key). <paramref name="sourceWallet"/> null: Kraken's default, <c>cash</c>. Never resent automatically.</summary>
    public Task<KrakenResult<VenueTransferAck>> WithdrawalAsync(string currency, decimal amount, string? sourceWallet = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        List<KeyValuePair<string, string>> parameters = [new("currency", currency), new("amount", Wire(amount))];
        if (sourceWallet is { Length: > 0 })
        {
            parameters.Add(new("sourceWallet", sourceWallet));
        }

        return MoveAsync("withdrawal", parameters, cancellationToken);
    }

    private async Task<KrakenResult<VenueTransferAck>> MoveAsync(string endpoint, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(HttpMethod.Post, endpoint, parameters, authenticated: true, cancellationToken).ConfigureAwait(false);
        if (!answer.Success)
        {
            return answer.Error;
        }

        var reference = answer.Value.TryGetProperty("uid", out var uid) && uid.ValueKind == System.Text.Json.JsonValueKind.String ? uid.GetString() : null;
        return KrakenResult<VenueTransferAck>.Ok(new VenueTransferAck(reference));
    }

    private async Task<KrakenResult<bool>> TradingEnabledAsync(HttpMethod verb, string subaccountUid, List<KeyValuePair<string, string>>? parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subaccountUid);
        if (subaccountUid.Contains('/', StringComparison.Ordinal) || subaccountUid.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{subaccountUid}' is not a subaccount UID.", nameof(subaccountUid));
        }

        var answer = await CallAsync(verb, $"subaccount/{Uri.EscapeDataString(subaccountUid)}/trading-enabled", parameters, authenticated: true, cancellationToken).ConfigureAwait(false);
        if (!answer.Success)
        {
            return answer.Error;
        }

        return answer.Value.TryGetProperty("tradingEnabled", out var enabled) && enabled.ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
            ? KrakenResult<bool>.Ok(enabled.GetBoolean())
            : Unexpected("trading-enabled", "no boolean 'tradingEnabled'");
    }
}
