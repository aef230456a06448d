using Microsoft.Extensions.Logging;

namespace Bulkhead.Sandbox.Market.Internal;

/// <summary>The market's log messages (event ids 5300–5399).</summary>
internal static partial class MarketLog
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Market open: seed {Seed}, step every {Interval}, {Books} books")]
    public static partial void Opened(ILogger logger, long seed, TimeSpan interval, int books);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Debug, Message = "Market {Account} order on {Symbol} refused: {Detail}")]
    public static partial void OrderRefused(ILogger logger, string account, string symbol, string detail);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Error, Message = "Market step failed; the next step retries")]
    public static partial void StepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Debug, Message = "Market could not publish the mark price of {Symbol}: {Detail}")]
    public static partial void MarkFailed(ILogger logger, string symbol, string detail);
}
