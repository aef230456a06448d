using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Dashboard.Documents;

/// <summary>A venue as the documents write it: <c>spot</c> or <c>futures</c> (the manifest's spelling).</summary>
internal static class VenueText
{
    public static string Of(Venue venue) => venue == Venue.Futures ? "futures" : "spot";
}
