using System.Globalization;

namespace Bulkhead.Kraken.Nonces.Internal;

/// <summary>The nonce layer's human-readable messages, in one place. None of them may contain an API key or secret.</summary>
internal static class NonceMessages
{
    public const string UnitUndefined = "The field Unit must be Milliseconds or Microseconds.";

    public const string ReserveAheadOutOfRange = "The field ReserveAhead must be between 1 millisecond and 1 day.";

    private const string OneKeyOneProcess =
        "One key, one process: two holders race on the nonce and earn EAPI:Invalid nonce, which counts toward Kraken's lockout. Stop the other holder or give this process its own key.";

    public static string Held(string maskedKey, NonceSequenceHolder? holder) => holder is null
        ? $"The nonce sequence of key {maskedKey} is held by another process, which has not recorded itself yet or whose record is unreadable. {OneKeyOneProcess}"
        : string.Create(CultureInfo.InvariantCulture,
            $"The nonce sequence of key {maskedKey} is held by process {holder.ProcessId} on {holder.Host} since {holder.Since:O}. {OneKeyOneProcess}");

    public static string Corrupted(string filePath, string problem) =>
        $"The nonce high-water mark in {filePath} is unreadable: {problem}. It is not reset silently, because a guessed mark could reuse nonces after a clock step back. " +
        "Repair: write a whole number above the last nonce this key used into the file (for microsecond nonces, the current Unix time in microseconds plus a margin), " +
        "or delete the file only if this machine's clock is known to be past the key's last use.";

    public static string Backwards(long value, long current) => string.Create(CultureInfo.InvariantCulture,
        $"A reserved nonce mark only goes up: {value} is below the current mark {current}.");
}
