using System.Globalization;
using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Futures.Rest.Internal;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Kraken.Futures.Rest;

public sealed partial class FuturesRestClient
{
    private async Task<KrakenResult<T>> ReadAsync<T>(HttpMethod verb, string path, string property, IEnumerable<KeyValuePair<string, string>>? parameters, bool authenticated, CancellationToken cancellationToken)
        where T : notnull
    {
        var answer = await CallAsync(verb, path, parameters, authenticated, cancellationToken).ConfigureAwait(false);
        return answer.Success ? FuturesJson.Read<T>(answer.Value, property) : answer.Error;
    }

    private async Task<KrakenResult<T>> ReadRootAsync<T>(HttpMethod verb, string path, IEnumerable<KeyValuePair<string, string>>? parameters, CancellationToken cancellationToken)
        where T : notnull
    {
        var answer = await CallAsync(verb, path, parameters, authenticated: true, cancellationToken).ConfigureAwait(false);
        return answer.Success ? FuturesJson.Convert<T>(answer.Value, path) : answer.Error;
    }

    private static string Wire(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";

    private static OrderSide? ParseSide(string? side) => side switch
    {
        "buy" or "Buy" or "BUY" => OrderSide.Buy,
        "sell" or "Sell" or "SELL" => OrderSide.Sell,
        _ => null,
    };

    private static string Wire(decimal value) => FuturesJson.Format(value);

    private static string Wire(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static KrakenError Unexpected(string what, string detail) => KrakenErrors.BadResponse($"{what}: {detail}");

    private static bool IsObject(JsonElement element) => element.ValueKind == JsonValueKind.Object;
}
