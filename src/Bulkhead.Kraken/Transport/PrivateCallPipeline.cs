using System.Text.Json;
using Bulkhead.Kraken.Errors;
using Bulkhead.Kraken.Journal;
using Bulkhead.Kraken.Limits;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Bulkhead.Kraken.Transport;

/// <summary>
/// The one path every call takes: lockout guard → rate budget → nonce → signature → HTTP → envelope → guard bookkeeping.
/// Retries (Polly) happen only for calls the caller marks safe to repeat, only on transient errors, and each attempt
/// runs the whole path again with a fresh nonce and signature. Authentication and lockout errors are never retried.
/// </summary>
internal sealed class PrivateCallPipeline
{
    private readonly KrakenHttp _http;
    private readonly KrakenKey? _key;
    private readonly TimeProvider _time;
    private readonly KrakenClientOptions _options;
    private readonly ILogger _logger;
    private readonly string _venue;
    private readonly ResiliencePipeline<KrakenResult<JsonElement>> _retrying;

    public PrivateCallPipeline(string venue, KrakenHttp http, KrakenKey? key, TimeProvider time, KrakenClientOptions options, ILogger logger)
    {
        _venue = venue;
        _http = http;
        _key = key;
        _time = time;
        _options = options;
        _logger = logger;
        _retrying = options.MaxRetries == 0
            ? ResiliencePipeline<KrakenResult<JsonElement>>.Empty
            : new ResiliencePipelineBuilder<KrakenResult<JsonElement>> { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions<KrakenResult<JsonElement>>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                    DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome)),
                    OnRetry = args =>
                    {
                        var code = args.Outcome.Result.Error?.Code ?? args.Outcome.Exception?.GetType().Name ?? "?";
                        var operation = args.Context.OperationKey ?? "?";
                        Log.Retrying(_logger, _venue, operation, args.AttemptNumber + 1, args.RetryDelay, code);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    /// <summary>The key, when this pipeline signs.</summary>
    public KrakenKey? Key => _key;

    /// <summary>Sends a call; <paramref name="build"/> makes the request for a nonce (null for public calls, which need none).</summary>
    public async Task<KrakenResult<JsonElement>> SendAsync(
        string endpoint,
        Func<long?, HttpRequestMessage> build,
        Func<HttpAnswer, KrakenResult<JsonElement>> read,
        IRateLimiter? limiter,
        decimal cost,
        bool signed,
        bool safeToRepeat,
        CancellationToken cancellationToken)
    {
        if (signed && _key is null)
        {
            return KrakenErrors.InvalidCredentials($"{endpoint} is a private endpoint and this client has no API key; set KRAKEN_API_KEY and KRAKEN_API_SECRET or pass credentials");
        }

        if (!safeToRepeat)
        {
            return await AttemptAsync(endpoint, build, read, limiter, cost, signed, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(endpoint, cancellationToken);
        try
        {
            return await _retrying.ExecuteAsync(
                static (ctx, state) => new ValueTask<KrakenResult<JsonElement>>(state.Self.AttemptAsync(state.Endpoint, state.Build, state.Read, state.Limiter, state.Cost, state.Signed, ctx.CancellationToken)),
                context,
                (Self: this, Endpoint: endpoint, Build: build, Read: read, Limiter: limiter, Cost: cost, Signed: signed)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<KrakenResult<JsonElement>> AttemptAsync(
        string endpoint,
        Func<long?, HttpRequestMessage> build,
        Func<HttpAnswer, KrakenResult<JsonElement>> read,
        IRateLimiter? limiter,
        decimal cost,
        bool signed,
        CancellationToken cancellationToken)
    {
        if (!signed || _options.CallJournal is not { } journal)
        {
            return await AttemptOnceAsync(endpoint, build, read, limiter, cost, signed, cancellationToken).ConfigureAwait(false);
        }

        var started = _time.GetUtcNow();
        var timestamp = _time.GetTimestamp();
        var result = await AttemptOnceAsync(endpoint, build, read, limiter, cost, signed, cancellationToken).ConfigureAwait(false);
        journal.Record(new KrakenCallRecord(
            started,
            _venue,
            endpoint,
            _key!.Name,
            result.Success ? null : result.Error.Code,
            result.Success ? null : result.Error.Origin,
            _time.GetElapsedTime(timestamp)));
        return result;
    }

    private async Task<KrakenResult<JsonElement>> AttemptOnceAsync(
        string endpoint,
        Func<long?, HttpRequestMessage> build,
        Func<HttpAnswer, KrakenResult<JsonElement>> read,
        IRateLimiter? limiter,
        decimal cost,
        bool signed,
        CancellationToken cancellationToken)
    {
        if (signed && _key!.Guard.CheckBeforeSend() is { } halted)
        {
            Log.KeyHalted(_logger, _key.Credentials.MaskedKey, halted.Message);
            return halted;
        }

        if (limiter is not null && cost > 0)
        {
            var refused = await limiter.WaitAsync(cost, _time, _options.MaxRateWait, cancellationToken).ConfigureAwait(false);
            if (refused is not null)
            {
                return refused;
            }
        }

        long? nonce = signed ? _key!.Nonces.Next() : null;
        using var request = build(nonce);
        var masked = _key?.Credentials.MaskedKey ?? "-";
        Log.CallStarted(_logger, _venue, endpoint, masked);
        var answer = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var result = answer.Success ? read(answer.Value) : KrakenResult<JsonElement>.Fail(answer.Error);
        if (signed)
        {
            _key!.Guard.Record(result.Error);
        }

        if (!result.Success)
        {
            Log.CallFailed(_logger, _venue, endpoint, masked, result.Error.Code, result.Error.Category, result.Error.Origin);
        }

        return result;
    }

    private static bool ShouldRetry(Outcome<KrakenResult<JsonElement>> outcome) =>
        outcome.Exception is null && outcome.Result.Error is { IsTransient: true, Origin: not KrakenErrorOrigin.Local };

    private static TimeSpan? ServerDelay(Outcome<KrakenResult<JsonElement>> outcome) =>
        outcome.Result.Error?.RetryAfter is { } after && after > TimeSpan.Zero ? after : null;
}
