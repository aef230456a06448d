using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bulkhead.Sandbox.Api.Futures.Internal;

/// <summary>
/// One Futures request as received: the raw query and body (what <c>Authent</c> signs), and the parameters read from the
/// query string AND a form body (ccxt sends POST parameters in the query with an empty body, Kraken.Net in a form body),
/// and from <c>json=</c> (ccxt sends it raw, others URL-encoded). A name given twice is refused as ambiguous.
/// </summary>
internal sealed class FuturesRequest
{
    /// <summary>Parameters that carry a list as repeated keys (<c>orders/status</c>: <c>orderIds=a&amp;orderIds=b</c>).</summary>
    private static readonly HashSet<string> Lists = new(StringComparer.Ordinal) { "orderIds", "cliOrdIds" };

    private readonly Dictionary<string, string> _parameters;
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);

    private FuturesRequest(string path, string rawQuery, string rawBody, Dictionary<string, string> parameters, string? duplicate, string? json)
    {
        Path = path;
        RawQuery = rawQuery;
        RawBody = rawBody;
        _parameters = parameters;
        Duplicate = duplicate;
        Json = json;
    }

    /// <summary>The URL path, e.g. <c>/derivatives/api/v3/accounts</c>.</summary>
    public string Path { get; }

    /// <summary>The query string after <c>?</c>, exactly as received (still encoded).</summary>
    public string RawQuery { get; }

    /// <summary>The body, exactly as received.</summary>
    public string RawBody { get; }

    /// <summary>What the signature covers: raw query followed by raw body.</summary>
    public string PostData => RawQuery + RawBody;

    /// <summary>A parameter name that appeared more than once, if any.</summary>
    public string? Duplicate { get; }

    /// <summary>The decoded <c>json</c> parameter (batchorder), if any.</summary>
    public string? Json { get; }

    /// <summary>A parameter's value, or null.</summary>
    public string? this[string name] => _parameters.GetValueOrDefault(name);

    /// <summary>Every value of a list parameter (<c>orderIds</c>, <c>cliOrdIds</c>), in order; empty if absent.</summary>
    public IReadOnlyList<string> Values(string name) => _lists.TryGetValue(name, out var values) ? values : [];

    /// <summary>Builds the request from the body bytes read by <see cref="Auth.HttpAuthRequests.ReadBodyAsync"/>.</summary>
    public static FuturesRequest Read(HttpRequest request, byte[] body)
    {
        var rawQuery = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        var rawBody = Encoding.UTF8.GetString(body);

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? duplicate = null;
        string? json = null;
        foreach (var source in new[] { rawQuery, rawBody })
        {
            if (source.StartsWith("json=", StringComparison.Ordinal))
            {
                // ccxt: json=<raw JSON>, not URL-encoded; others encode it. Everything after the first json= is the value.
                var value = source[5..];
                json = value.StartsWith('{') ? value : Uri.UnescapeDataString(value.Replace('+', ' '));
                continue;
            }

            foreach (var (name, values) in QueryHelpers.ParseQuery(source))
            {
                if (Lists.Contains(name))
                {
                    if (!lists.TryGetValue(name, out var list))
                    {
                        lists[name] = list = [];
                    }

                    list.AddRange(values.Where(v => v is not null).Select(v => v!));
                    continue;
                }

                if (values.Count != 1 || !parameters.TryAdd(name, values.ToString()))
                {
                    duplicate ??= name;
                }
            }
        }

        var read = new FuturesRequest(request.Path.Value ?? string.Empty, rawQuery, rawBody, parameters, duplicate, json);
        foreach (var (name, list) in lists)
        {
            read._lists[name] = list;
        }

        return read;
    }
}
