using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Admin.Internal;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Api.Spot;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Api.Edge.Internal;

/// <summary>
/// The error answer of a request's API family (<see cref="ApiFamilies"/>) for a problem described by an HTTP status:
/// 404 or 405 (no route, or CONNECT), another 4xx (the request, as ASP.NET or Kestrel judged it), 5xx (a bug).
/// Spot: Kraken's envelope with HTTP 200 (<c>EGeneral:Unknown method</c>, <c>EGeneral:Invalid arguments</c>,
/// <c>EGeneral:Internal error</c>). Futures: its error shape (<c>notFound</c> 404, <c>Bad Request</c> with the status,
/// <c>Server Error</c> 200). Admin: <c>{"error":"…"}</c> with the status. Other paths: Kraken's envelope with the status.
/// CONNECT is always answered 405 (a 2xx answer to CONNECT opens a tunnel and may carry no body).
/// </summary>
internal static class EdgeAnswers
{
    public static Task WriteAsync(HttpContext context, int problem)
    {
        var response = context.Response;
        var connect = HttpMethods.IsConnect(context.Request.Method);
        var family = ApiFamilies.Of(context.Request.Path);
        var notFound = problem is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed;
        var status = connect ? StatusCodes.Status405MethodNotAllowed : problem;
        if (connect)
        {
            response.Headers.Allow = family switch
            {
                ApiFamily.Futures => "GET, POST, PUT",
                ApiFamily.Admin => "GET, POST, PUT, DELETE",
                _ => "GET, POST",
            };
        }

        switch (family)
        {
            case ApiFamily.Admin:
                var message = notFound
                    ? $"no admin route {context.Request.Method} {context.Request.Path}; see docs/sandbox.md for the routes"
                    : problem >= 500 ? "internal error in the sandbox (a bug); see the sandbox's log" : $"bad request (HTTP {problem}); see docs/sandbox.md";
                return AdminViews.Error(notFound && !connect ? StatusCodes.Status404NotFound : status, message).ExecuteAsync(context);
            case ApiFamily.Futures:
                var time = context.RequestServices.GetRequiredService<TimeProvider>();
                var (error, futuresStatus) = notFound ? (KrakenErrors.FuturesNotFound, connect ? status : StatusCodes.Status404NotFound)
                    : problem >= 500 ? (KrakenErrors.FuturesServerError, StatusCodes.Status200OK)
                    : (KrakenErrors.FuturesBadRequest, status);
                return FuturesWire.Error(time, error, futuresStatus).ExecuteAsync(context);
            default:
                var wire = notFound ? KrakenErrors.UnknownMethod : problem >= 500 ? KrakenErrors.InternalError : KrakenErrors.InvalidArguments;
                var spotStatus = connect ? status
                    : family == ApiFamily.Spot || problem >= 500 ? StatusCodes.Status200OK
                    : status;
                return SpotEnvelope.WriteAsync(context, SpotEnvelope.Render(wire), spotStatus);
        }
    }

    /// <summary>The exception handler's answer: a rejected request (<see cref="BadHttpRequestException"/>) by its status, anything else as a bug.</summary>
    public static Task ExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        return WriteAsync(context, error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
    }
}
