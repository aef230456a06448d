namespace Bulkhead.Sandbox.Api.Edge.Internal;

/// <summary>Which API a request path belongs to, and so which error shape its answers take.</summary>
internal enum ApiFamily
{
    /// <summary>None of the others: Kraken's envelope with HTTP 404.</summary>
    Other = 0,

    /// <summary><c>/0/*</c>: Kraken's Spot envelope <c>{"error":["E…"]}</c>, HTTP 200.</summary>
    Spot,

    /// <summary><c>/derivatives/*</c>, <c>/api/history/*</c>, <c>/api/charts/*</c>: <c>{"result":"error","serverTime":…,"error":…}</c>.</summary>
    Futures,

    /// <summary><c>/admin/*</c>: the admin API's <c>{"error":"…"}</c> with a 4xx status.</summary>
    Admin,
}
