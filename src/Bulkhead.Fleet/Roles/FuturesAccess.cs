using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Fleet.Roles;

/// <summary>Which Futures permission an endpoint needs (shared/kraken/futures.md §4): read-only, full, or withdrawal.</summary>
public static class FuturesAccess
{
    private static readonly string[] FullEndpoints =
    [
        "sendorder", "editorder", "cancelorder", "cancelallorders", "cancelallordersafter", "batchorder", "orders/status",
        "transfer", "transfer/subaccount", "leveragepreferences:PUT", "pnlpreferences:PUT", "self-trade-strategy:PUT",
    ];

    /// <summary>The permission <paramref name="endpoint"/> needs. Accepts <c>sendorder</c>, <c>/derivatives/api/v3/sendorder</c> or <c>POST /derivatives/api/v3/sendorder</c>.</summary>
    public static FuturesPermission Required(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var (method, path) = Split(endpoint);
        if (path == "withdrawal")
        {
            return FuturesPermission.Withdrawal;
        }

        if (path.StartsWith("subaccount/", StringComparison.Ordinal) && path.EndsWith("/trading-enabled", StringComparison.Ordinal))
        {
            return FuturesPermission.Full;
        }

        return FullEndpoints.Contains(path, StringComparer.Ordinal) || FullEndpoints.Contains($"{path}:{method}", StringComparer.Ordinal)
            ? FuturesPermission.Full
            : FuturesPermission.ReadOnly;
    }

    /// <summary>Kraken's names of Futures permissions as written in the manifest: <c>read-only</c>, <c>full</c>, <c>withdrawal</c>.</summary>
    public static string Describe(FuturesPermission permissions)
    {
        var names = new List<string>();
        if (permissions.HasFlag(FuturesPermission.Full))
        {
            names.Add("full");
        }
        else if (permissions.HasFlag(FuturesPermission.ReadOnly))
        {
            names.Add("read-only");
        }

        if (permissions.HasFlag(FuturesPermission.Withdrawal))
        {
            names.Add("withdrawal");
        }

        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    /// <summary>True when <paramref name="held"/> grants <paramref name="needed"/> (full includes read-only).</summary>
    public static bool Grants(FuturesPermission held, FuturesPermission needed)
    {
        var effective = held.HasFlag(FuturesPermission.Full) ? held | FuturesPermission.ReadOnly : held;
        return (effective & needed) == needed;
    }

    /// <summary>The normalised path (without the API prefix) and HTTP method of a journal endpoint.</summary>
    internal static (string Method, string Path) Split(string endpoint)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var method = space > 0 ? endpoint[..space].ToUpperInvariant() : "GET";
        var path = (space > 0 ? endpoint[(space + 1)..] : endpoint).Split('?')[0].Trim('/');
        foreach (var prefix in new[] { "derivatives/api/v3/", "derivatives/api/v4/", "api/v3/" })
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                path = path[prefix.Length..];
            }
        }

        return (method, path);
    }
}
