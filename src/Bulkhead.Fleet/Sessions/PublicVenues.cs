using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Transport;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Sessions;

/// <summary>The public (keyless) market of each venue an environment serves: instruments and tickers, on the same transports <see cref="ProcessSession.OpenVenue"/> picks.</summary>
public static class PublicVenues
{
    /// <summary>The Spot market of <paramref name="environment"/>.</summary>
    public static IMarketVenue Spot(HttpClient http, FleetEnvironment environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new SpotVenue(new SpotClient(http, new KrakenClientOptions { BaseUrl = environment.SpotUrl }, time));
    }

    /// <summary>The derivatives market of <paramref name="environment"/>.</summary>
    public static IMarketVenue Futures(HttpClient http, FleetEnvironment environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new FuturesRestClient(http, new KrakenClientOptions { BaseUrl = environment.FuturesUrl }, time);
    }
}
