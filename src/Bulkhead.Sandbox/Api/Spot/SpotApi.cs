using System.Collections.Frozen;
using System.Security.Cryptography;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Faults;
using Bulkhead.Sandbox.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulkhead.Sandbox.Api.Spot;

/// <summary>
/// Kraken's Spot REST surface: <c>/0/public/*</c> (GET or POST) and <c>/0/private/*</c> (POST). Every answer is Kraken's
/// envelope with HTTP 200, the body starting with <c>{</c>; a bug becomes <c>EGeneral:Internal error</c> (logged), never a 500.
/// Order of a private call: the key's in-flight limit → faults → method → body (size, parse) → authentication pipeline →
/// endpoint. A request refused before the pipeline (too many in flight, unknown method, oversized or unreadable body,
/// repeated parameter, unsupported content type) records nothing, not even a failure against its key.
/// </summary>
public static class SpotApi
{
    private delegate SpotAnswer Endpoint(SpotCall call);

    private static readonly FrozenDictionary<string, Endpoint> Private = new Dictionary<string, Endpoint>(StringComparer.Ordinal)
    {
        ["Balance"] = SpotAccountEndpoints.Balance,
        ["BalanceEx"] = SpotAccountEndpoints.BalanceEx,
        ["TradeBalance"] = SpotAccountEndpoints.TradeBalance,
        ["Ledgers"] = SpotAccountEndpoints.Ledgers,
        ["QueryLedgers"] = SpotAccountEndpoints.QueryLedgers,
        ["CreateSubaccount"] = SpotFundingEndpoints.CreateSubaccount,
        ["AccountTransfer"] = SpotFundingEndpoints.AccountTransfer,
        ["Withdraw"] = SpotFundingEndpoints.Withdraw,
        ["WalletTransfer"] = SpotFundingEndpoints.WalletTransfer,
        ["GetWebSocketsToken"] = SpotFundingEndpoints.GetWebSocketsToken,
        ["AddOrder"] = SpotTradingEndpoints.AddOrder,
        ["AddOrderBatch"] = SpotTradingEndpoints.AddOrderBatch,
        ["AmendOrder"] = SpotTradingEndpoints.AmendOrder,
        ["EditOrder"] = SpotTradingEndpoints.EditOrder,
        ["CancelOrder"] = SpotTradingEndpoints.CancelOrder,
        ["CancelAll"] = SpotTradingEndpoints.CancelAll,
        ["CancelOrderBatch"] = SpotCancelBatchEndpoint.CancelOrderBatch,
        ["CancelAllOrdersAfter"] = SpotTradingEndpoints.CancelAllOrdersAfter,
        ["OpenOrders"] = SpotOrderEndpoints.OpenOrders,
        ["ClosedOrders"] = SpotOrderEndpoints.ClosedOrders,
        ["QueryOrders"] = SpotOrderEndpoints.QueryOrders,
        ["TradesHistory"] = SpotOrderEndpoints.TradesHistory,
        ["QueryTrades"] = SpotOrderEndpoints.QueryTrades,
        ["TradeVolume"] = SpotOrderEndpoints.TradeVolume,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The private methods this sandbox serves (the others answer <c>EGeneral:Unknown method</c>).</summary>
    public static IReadOnlyCollection<string> PrivateMethods => Private.Keys;

    /// <summary>Maps the Spot routes.</summary>
    public static IEndpointRouteBuilder MapSpotApi(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapMethods("/0/public/{method}", ["GET", "POST"], PublicAsync);
        routes.Map("/0/private/{method}", PrivateAsync);
        return routes;
    }

    private static async Task PublicAsync(HttpContext context)
    {
        var method = context.Request.RouteValues["method"] as string ?? string.Empty;
        var answer = await GuardAsync(context, method, async () =>
        {
            if (await FaultAsync(context).ConfigureAwait(false) is { } fault)
            {
                return fault;
            }

            var services = context.RequestServices;
            var options = services.GetRequiredService<SandboxOptions>();
            var body = await HttpAuthRequests.ReadBodyAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
            if (body is null)
            {
                // The unread rest of an oversized body makes the connection unusable: tell the client not to reuse it.
                context.Response.Headers.Connection = "close";
                return KrakenErrors.InvalidArguments;
            }

            var fromQuery = SpotParameters.ParseQuery(context.Request.QueryString.Value);
            var parameters = body.Length > 0 ? SpotParameters.Parse(context.Request.ContentType, body) : fromQuery;
            if (parameters is null || fromQuery is null)
            {
                return KrakenErrors.InvalidArguments;
            }

            return SpotPublicEndpoints.Handle(method, parameters, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<MarketData>()) ?? KrakenErrors.UnknownMethod;
        }).ConfigureAwait(false);
        await SpotEnvelope.WriteAsync(context, SpotEnvelope.Render(answer)).ConfigureAwait(false);
    }

    private static async Task PrivateAsync(HttpContext context)
    {
        var method = context.Request.RouteValues["method"] as string ?? string.Empty;
        var answer = await GuardAsync(context, method, async () =>
        {
            // Counted by the API-Key header as sent, before anything is read: a key with too many requests in flight is
            // throttled at once (Kraken: EService: Throttled), whatever the rest of the request holds.
            var apiKey = context.Request.Headers["API-Key"] is { Count: 1 } header && header[0] is { Length: > 0 } value ? value : null;
            var limit = context.RequestServices.GetRequiredService<InFlightLimit>();
            if (apiKey is null)
            {
                return await PrivateCallAsync(context, method).ConfigureAwait(false);
            }

            if (!limit.TryEnter(apiKey))
            {
                var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                return KrakenErrors.Throttled(now + InFlightLimit.RetryAfter);
            }

            try
            {
                return await PrivateCallAsync(context, method).ConfigureAwait(false);
            }
            finally
            {
                limit.Exit(apiKey);
            }
        }).ConfigureAwait(false);
        await SpotEnvelope.WriteAsync(context, SpotEnvelope.Render(answer)).ConfigureAwait(false);
    }

    private static async Task<SpotAnswer> PrivateCallAsync(HttpContext context, string method)
    {
        if (await FaultAsync(context).ConfigureAwait(false) is { } fault)
        {
            return fault;
        }

        if (!Private.TryGetValue(method, out var endpoint) || !HttpMethods.IsPost(context.Request.Method))
        {
            return KrakenErrors.UnknownMethod;
        }

        var services = context.RequestServices;
        var options = services.GetRequiredService<SandboxOptions>();
        var body = await HttpAuthRequests.ReadBodyAsync(context.Request, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.Headers.Connection = "close";
            return KrakenErrors.InvalidArguments;
        }

        if (SpotParameters.Parse(context.Request.ContentType, body) is not { } parameters)
        {
            return KrakenErrors.InvalidArguments;
        }

        var authenticator = services.GetRequiredService<SandboxAuthenticator>();
        var request = HttpAuthRequests.Spot(context, body, parameters["nonce"], AuthRequirement.ForSpotMethod(method));
        var outcome = authenticator.Authenticate(request);
        if (!outcome.Success)
        {
            return outcome.WireError;
        }

        var call = new SpotCall(services.GetRequiredService<SandboxExchange>(), outcome.Key, outcome.Account, parameters, services.GetRequiredService<TimeProvider>());
        try
        {
            return endpoint(call);
        }
        finally
        {
            // The nonce is spent whatever the endpoint answered; its mark is durable before the answer goes out (usually
            // already, carried by the endpoint's own commit).
            await authenticator.MakeNonceDurableAsync(outcome).ConfigureAwait(false);
        }
    }

    // The request boundary: a bug becomes Kraken's internal-error envelope. Domain operations are all-or-nothing, so a
    // throw changes no state.
    private static async Task<SpotAnswer> GuardAsync(HttpContext context, string method, Func<Task<SpotAnswer>> handle)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The request boundary (STYLE §4c).
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(SpotApi).FullName!);
            if (logger is not null)
            {
                SpotLog.EndpointFailed(logger, method, exception);
            }

            return KrakenErrors.InternalError;
        }
    }

    private static async Task<SpotAnswer?> FaultAsync(HttpContext context)
    {
        var faults = context.RequestServices.GetRequiredService<FaultSettings>();
        var latency = faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestServices.GetRequiredService<TimeProvider>(), context.RequestAborted).ConfigureAwait(false);
        }

        var rate = faults.UnavailableRate;
        if (rate > 0m && RandomNumberGenerator.GetInt32(1_000_000) < rate * 1_000_000m)
        {
            return KrakenErrors.ServiceUnavailable;
        }

        return null;
    }
}
