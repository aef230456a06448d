namespace Bulkhead.Testing.FakeKraken;

/// <summary>A failure <see cref="FakeFuturesServer"/> can answer with instead of the endpoint's fixture.</summary>
public enum FuturesFault
{
    /// <summary>HTTP 200 <c>{"result":"error","error":"Unavailable"}</c>; the request is not processed.</summary>
    Unavailable,

    /// <summary>The request is processed (an order lands), then the answer is <c>Unavailable</c>, as if it were lost.</summary>
    UnavailableAfterProcessing,

    /// <summary>HTTP 502 with an HTML page, as a gateway sends.</summary>
    BadGatewayHtml,

    /// <summary>HTTP 200 with a plain-text body.</summary>
    NotJson,

    /// <summary>HTTP 200 with JSON cut off in the middle.</summary>
    TruncatedJson,

    /// <summary>HTTP 200 with an empty body.</summary>
    EmptyBody,
}
