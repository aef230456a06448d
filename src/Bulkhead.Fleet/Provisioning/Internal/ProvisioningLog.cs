using Microsoft.Extensions.Logging;

namespace Bulkhead.Fleet.Provisioning.Internal;

/// <summary>Provisioning's log messages (event ids 7200–7299). Keys appear masked; secrets never.</summary>
internal static partial class ProvisioningLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Created sandbox account {Account} (master {Master})")]
    public static partial void AccountCreated(ILogger logger, string account, string master);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Created key {KeyName} ({MaskedKey}) on {Account}; secret stored as {StoreName}")]
    public static partial void KeyCreated(ILogger logger, string keyName, string account, string maskedKey, string storeName);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Information, Message = "Deposited {Amount} {Asset} into {Account}")]
    public static partial void Deposited(ILogger logger, string account, string asset, decimal amount);
}
