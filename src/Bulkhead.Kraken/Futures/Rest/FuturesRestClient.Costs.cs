using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Limits;

namespace Bulkhead.Kraken.Futures.Rest;

public sealed partial class FuturesRestClient
{
    /// <summary>The limiter and cost of one call, from the one cost table in <see cref="FuturesLimits"/>.</summary>
    private (IRateLimiter? Limiter, decimal Cost) LimiterFor(HttpMethod verb, string endpoint, string urlPath, List<KeyValuePair<string, string>> parameters, bool authenticated)
    {
        if (_limiters is null || !authenticated)
        {
            return (null, 0);
        }

        if (urlPath.StartsWith("/api/history/", StringComparison.Ordinal))
        {
            var count = Parameter(parameters, "count") is { } c && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            return (_limiters.History, FuturesLimits.HistoryCost(urlPath, count));
        }

        var cost = endpoint switch
        {
            "batchorder" => FuturesLimits.BatchOrderCost(BatchSize(Parameter(parameters, "json"))),
            "fills" => FuturesLimits.FillsCost(Parameter(parameters, "lastFillTime") is not null),
            _ => FuturesLimits.DerivativesCost(endpoint, isWrite: verb != HttpMethod.Get),
        };
        return (_limiters.Derivatives, cost);
    }

    private static string? Parameter(List<KeyValuePair<string, string>> parameters, string name) =>
        parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.Ordinal)).Value;

    // A batch that cannot be read is refused by the exchange; it is booked as one instruction.
    private static int BatchSize(string? json)
    {
        if (json is null)
        {
            return 1;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("batchOrder", out var batch) && batch.ValueKind == JsonValueKind.Array
                ? Math.Max(1, batch.GetArrayLength())
                : 1;
        }
        catch (JsonException)
        {
            return 1;
        }
    }
}
