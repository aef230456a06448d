using System.Globalization;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Internal;
using Bulkhead.Kraken.Futures.Rest.Wire;

namespace Bulkhead.Kraken.Futures.Rest;

public sealed partial class FuturesRestClient
{
    /// <summary>
    /// Every wallet of the account (<c>GET /accounts</c>): the cash wallet, the multi-collateral <c>flex</c> wallet and any
    /// single-collateral margin wallets. Each entry is dispatched on its <c>type</c>; numbers may be JSON numbers or strings.
    /// </summary>
    internal async Task<KrakenResult<FuturesAccounts>> GetAccountsAsync(CancellationToken cancellationToken = default)
    {
        var answer = await CallAsync(HttpMethod.Get, "accounts", null, authenticated: true, cancellationToken).ConfigureAwait(false);
        if (!answer.Success)
        {
            return answer.Error;
        }

        if (!answer.Value.TryGetProperty("accounts", out var accounts) || !IsObject(accounts))
        {
            return Unexpected("accounts", "no 'accounts' object");
        }

        FuturesCashAccount? cash = null;
        FuturesFlexAccount? flex = null;
        var margin = new Dictionary<string, FuturesMarginAccount>(StringComparer.Ordinal);
        foreach (var entry in accounts.EnumerateObject())
        {
            if (!IsObject(entry.Value) || !entry.Value.TryGetProperty("type", out var type) || type.GetString() is not { } kind)
            {
                return Unexpected("accounts", $"entry '{entry.Name}' has no 'type'");
            }

            switch (kind)
            {
                case "cashAccount":
                    var c = FuturesJson.Convert<FuturesCashAccount>(entry.Value, entry.Name);
                    if (!c.Success)
                    {
                        return c.Error;
                    }

                    cash = c.Value;
                    break;
                case "multiCollateralMarginAccount":
                    var f = FuturesJson.Convert<FuturesFlexAccount>(entry.Value, entry.Name);
                    if (!f.Success)
                    {
                        return f.Error;
                    }

                    flex = f.Value;
                    break;
                case "marginAccount":
                    var m = FuturesJson.Convert<FuturesMarginAccount>(entry.Value, entry.Name);
                    if (!m.Success)
                    {
                        return m.Error;
                    }

                    margin[entry.Name] = m.Value;
                    break;
                default:
                    // A wallet type this client does not know yet: skipped rather than failing the whole call.
                    break;
            }
        }

        return cash is null || flex is null
            ? Unexpected("accounts", "the 'cash' and 'flex' wallets are required")
            : KrakenResult<FuturesAccounts>.Ok(new FuturesAccounts(cash, flex, margin));
    }

    /// <summary>The account's open positions (<c>GET /openpositions</c>).</summary>
    internal Task<KrakenResult<IReadOnlyList<FuturesOpenPosition>>> GetOpenPositionsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<FuturesOpenPosition>>(HttpMethod.Get, "openpositions", "openPositions", null, authenticated: true, cancellationToken);

    /// <summary>
    /// A page of the account log (history API <c>GET /api/history/v3/account-log</c>; its own token bucket). Times are sent
    /// as milliseconds since the epoch; <paramref name="fromId"/> is the first entry id wanted (ids count from 1 in booking
    /// order); <paramref name="count"/> null is Kraken's default (500). Paged by <see cref="FuturesPaging"/>.
    /// </summary>
    internal Task<KrakenResult<FuturesAccountLog>> GetAccountLogAsync(DateTimeOffset? since = null, DateTimeOffset? before = null, int? count = null, bool oldestFirst = false, long? fromId = null, CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (since is { } s)
        {
            parameters.Add(new("since", s.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        }

        if (before is { } b)
        {
            parameters.Add(new("before", b.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        }

        if (fromId is { } from)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(from, nameof(fromId));
            parameters.Add(new("from", from.ToString(CultureInfo.InvariantCulture)));
        }

        if (count is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(count));
            parameters.Add(new("count", n.ToString(CultureInfo.InvariantCulture)));
        }

        parameters.Add(new("sort", oldestFirst ? "asc" : "desc"));
        return ReadRootAsync<FuturesAccountLog>(HttpMethod.Get, "/api/history/v3/account-log", parameters, cancellationToken);
    }
}
