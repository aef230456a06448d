namespace Bulkhead.Testing.FakeKraken;

/// <summary>Ways the fake server can answer badly, as gateways and a struggling exchange do.</summary>
public enum FakeSpotFault
{
    /// <summary>HTTP 502 with a Cloudflare-like HTML page.</summary>
    BadGatewayHtml,

    /// <summary>HTTP 200 with a text body that is not JSON.</summary>
    NotJson,

    /// <summary>HTTP 200 with JSON cut off in the middle.</summary>
    TruncatedJson,

    /// <summary>HTTP 200 with an empty body.</summary>
    EmptyBody,

    /// <summary>No answer until the client gives up (the request is held until it is aborted).</summary>
    Hang,

    /// <summary>A Kraken envelope with <c>EService:Unavailable</c>.</summary>
    ServiceUnavailable,
}
