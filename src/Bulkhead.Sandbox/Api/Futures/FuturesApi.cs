using System.Security.Cryptography;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Limits;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Api.Futures;

/// <summary>
/// Kraken's Futures REST surface: <c>/derivatives/api/v3/*</c> and <c>/api/history/v2|v3/*</c>. Envelopes, error strings
/// and HTTP statuses follow shared/kraken/futures.md §2; parameters come from the query string and a form body alike;
/// an unknown path answers 404 with a Futures error body; an unexpected exception answers <c>Server Error</c> (HTTP 200,
/// no stack trace) and changes no state. Partial files: <c>.Market</c>, <c>.Accounts</c>, <c>.Transfers</c>, <c>.History</c>, <c>.Orders</c>, <c>.Batch</c>, <c>.Positions</c>.
/// </summary>
public static partial class FuturesApi
{
    private const string Derivatives = "/derivatives/api/v3";

    /// <summary>Maps the Futures routes.</summary>
    public static IEndpointRouteBuilder MapFuturesApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var v3 = routes.MapGroup(Derivatives);
        MapMarket(v3);
        MapAccounts(v3);
        MapSelfTrade(v3);
        MapTransfers(v3);
        MapOrders(v3);
        MapHistory(routes);
        MapFunding(routes);
        MapCharts(routes);

        routes.Map("/derivatives/{**rest}", (HttpContext context) => NotFound(context));
        routes.Map("/api/history/{**rest}", (HttpContext context) => NotFound(context));
        routes.Map("/api/charts/{**rest}", (HttpContext context) => NotFound(context));
        return routes;
    }

    /// <summary>A route handler that writes its result (a bare <c>HttpContext → Task</c> lambda would be taken as a RequestDelegate).</summary>
    private static Delegate Handler(Func<HttpContext, Task<IResult>> handler) => handler;

    private static IResult NotFound(HttpContext context) =>
        FuturesWire.Error(context.RequestServices.GetRequiredService<TimeProvider>(), KrakenErrors.FuturesNotFound, StatusCodes.Status404NotFound);

    /// <summary>Runs a public endpoint: faults, then the handler, inside the catch-all.</summary>
    private static async Task<IResult> PublicAsync(HttpContext context, Func<TimeProvider, IResult> handler)
    {
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        try
        {
            return await FaultAsync(context, time).ConfigureAwait(false) ?? handler(time);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return FuturesWire.Error(time, KrakenErrors.FuturesServerError);
        }
    }

    /// <summary>
    /// Runs a private <c>/derivatives</c> endpoint: read the raw request, run the shared auth pipeline
    /// (<see cref="SandboxAuthenticator"/>: key, IP allowlist, lockout, expiry, signature over raw query + raw body, the
    /// optional nonce, <paramref name="needs"/>, and <paramref name="cost"/> from <see cref="FuturesLimits"/> charged to the
    /// account's derivatives budget), refuse duplicate parameters, then the handler, inside the catch-all.
    /// </summary>
    private static async Task<IResult> PrivateAsync(HttpContext context, FuturesScope needs, Func<FuturesRequest, decimal> cost, Func<FuturesCall, IResult> handler)
    {
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        try
        {
            if (await FaultAsync(context, time).ConfigureAwait(false) is { } fault)
            {
                return fault;
            }

            var (request, body) = await ReadAsync(context).ConfigureAwait(false);
            if (request is null)
            {
                return FuturesWire.Error(time, KrakenErrors.FuturesBadRequest);
            }

            var outcome = Authenticate(context, body, needs, RateBudget.FuturesDerivatives, cost(request));
            if (!outcome.Success)
            {
                return FuturesWire.Error(time, outcome.WireError);
            }

            try
            {
                if (request.Duplicate is { } duplicate)
                {
                    return FuturesWire.Error(time, $"{KrakenErrors.FuturesInvalidArgument}: {duplicate}");
                }

                return handler(new FuturesCall(request, outcome.Key, outcome.Account, context.RequestServices.GetRequiredService<SandboxExchange>(), time));
            }
            finally
            {
                await MakeNonceDurableAsync(context, outcome).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return FuturesWire.Error(time, KrakenErrors.FuturesServerError);
        }
    }

    /// <summary>The raw request, or null when the body is over <see cref="SandboxOptions.MaxBodyBytes"/> or broken.</summary>
    private static async Task<(FuturesRequest? Request, byte[] Body)> ReadAsync(HttpContext context)
    {
        var max = context.RequestServices.GetRequiredService<SandboxOptions>().MaxBodyBytes;
        var body = await HttpAuthRequests.ReadBodyAsync(context.Request, max, context.RequestAborted).ConfigureAwait(false);
        return body is null ? (null, []) : (FuturesRequest.Read(context.Request, body), body);
    }

    private static AuthOutcome Authenticate(HttpContext context, byte[] body, FuturesScope needs, RateBudget budget, decimal cost)
    {
        var auth = context.RequestServices.GetRequiredService<SandboxAuthenticator>();
        return auth.Authenticate(HttpAuthRequests.Futures(context, body, AuthRequirement.ForFutures(needs, budget, cost)));
    }

    /// <summary>Before the answer: the nonce the request spent (if it sent one) is durable, written with its own commit or now.</summary>
    private static Task MakeNonceDurableAsync(HttpContext context, AuthOutcome outcome) =>
        context.RequestServices.GetRequiredService<SandboxAuthenticator>().MakeNonceDurableAsync(outcome);

    /// <summary>Injected faults (<c>POST /admin/faults</c>): latency, then a share answered <c>Unavailable</c>.</summary>
    private static async Task<IResult?> FaultAsync(HttpContext context, TimeProvider time)
    {
        if (context.RequestServices.GetService<FaultSettings>() is not { } faults)
        {
            return null;
        }

        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, time, context.RequestAborted).ConfigureAwait(false);
        }

        var rate = faults.UnavailableRate;
        return rate > 0 && RandomNumberGenerator.GetInt32(1_000_000) < rate * 1_000_000
            ? FuturesWire.Error(time, KrakenErrors.FuturesUnavailable)
            : null;
    }

    private static Func<FuturesRequest, decimal> Cost(string endpoint, bool isWrite = false)
    {
        var cost = FuturesLimits.DerivativesCost(endpoint, isWrite);
        return _ => cost;
    }
}
