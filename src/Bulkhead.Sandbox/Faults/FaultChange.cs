namespace Bulkhead.Sandbox.Faults;

/// <summary>A change to <see cref="FaultSettings"/>: each field left null keeps its current value.</summary>
public sealed record FaultChange
{
    /// <summary>Latency before each REST answer, 0 to <see cref="FaultSettings.MaxDelay"/>.</summary>
    public TimeSpan? Latency { get; init; }

    /// <summary>Share of REST requests answered unavailable, 0 to 1.</summary>
    public decimal? UnavailableRate { get; init; }

    /// <summary>Delay of every WebSocket frame sent, 0 to <see cref="FaultSettings.MaxDelay"/>.</summary>
    public TimeSpan? SocketDelay { get; init; }

    /// <summary>Abort every open WebSocket connection now (one shot, not kept).</summary>
    public bool DropSockets { get; init; }

    /// <summary>The next N WebSocket order requests lose their connection after committing, before their answer; 0 to <see cref="FaultSettings.MaxCount"/>.</summary>
    public int? DropBeforeAck { get; init; }

    /// <summary>The next N <c>book</c> update frames carry a wrong checksum; 0 to <see cref="FaultSettings.MaxCount"/>.</summary>
    public int? CorruptBookChecksum { get; init; }

    /// <summary>Throws when a given field is out of range.</summary>
    public void ThrowIfInvalid()
    {
        if (Latency is { } latency && (latency < TimeSpan.Zero || latency > FaultSettings.MaxDelay))
        {
            throw new ArgumentOutOfRangeException(nameof(Latency), latency, "latencyMs must be between 0 and 60000.");
        }

        if (UnavailableRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(UnavailableRate), UnavailableRate, "unavailableRate must be between 0 and 1.");
        }

        if (SocketDelay is { } delay && (delay < TimeSpan.Zero || delay > FaultSettings.MaxDelay))
        {
            throw new ArgumentOutOfRangeException(nameof(SocketDelay), delay, "socketDelayMs must be between 0 and 60000.");
        }

        if (DropBeforeAck is < 0 or > FaultSettings.MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(DropBeforeAck), DropBeforeAck, "dropBeforeAck must be between 0 and 1000.");
        }

        if (CorruptBookChecksum is < 0 or > FaultSettings.MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(CorruptBookChecksum), CorruptBookChecksum, "corruptBookChecksum must be between 0 and 1000.");
        }
    }
}
