using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulkhead.Sandbox.Retention;

/// <summary>Runs <see cref="SandboxExchange.Compact"/> every <see cref="RetentionOptions.Interval"/> on the exchange's clock.</summary>
public sealed partial class RetentionService : BackgroundService
{
    private readonly SandboxExchange _exchange;
    private readonly RetentionOptions _options;
    private readonly ILogger _logger;

    /// <summary>A service compacting <paramref name="exchange"/>.</summary>
    public RetentionService(SandboxExchange exchange, RetentionOptions options, ILogger<RetentionService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _exchange = exchange;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.Interval, _exchange.Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                var removed = _exchange.Compact(_options);
                if (!removed.IsEmpty)
                {
                    Compacted(_logger, removed.Trades.Count, removed.Orders.Count, removed.Entries.Count);
                }
            }
#pragma warning disable CA1031 // The service boundary: a failed pass changes nothing (the store's transaction) and the next one retries.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Failed(_logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Retention removed {Trades} trades, {Orders} orders, {Entries} ledger entries")]
    private static partial void Compacted(ILogger logger, int trades, int orders, int entries);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Retention pass failed; nothing was removed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
