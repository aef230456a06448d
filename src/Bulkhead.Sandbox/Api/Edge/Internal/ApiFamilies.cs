using Microsoft.AspNetCore.Http;

namespace Bulkhead.Sandbox.Api.Edge.Internal;

/// <summary>
/// The family of a path, read from its non-empty segments: <c>//0/public/Time</c> and <c>/0//private/Balance</c> are Spot
/// paths (answered as unknown methods: the sandbox does not rewrite a path a client may have signed).
/// </summary>
internal static class ApiFamilies
{
    public static ApiFamily Of(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = segments.Length > 0 ? segments[0] : string.Empty;
        var second = segments.Length > 1 ? segments[1] : string.Empty;
        return first switch
        {
            "0" => ApiFamily.Spot,
            "derivatives" => ApiFamily.Futures,
            "api" when second is "history" or "charts" => ApiFamily.Futures,
            "admin" => ApiFamily.Admin,
            _ => ApiFamily.Other,
        };
    }
}
