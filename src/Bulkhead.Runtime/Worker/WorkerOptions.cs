using Bulkhead.Kraken.Limits;

namespace Bulkhead.Runtime.Worker;

/// <summary>How <see cref="WorkerHost"/> runs one manifest process (Contract W).</summary>
public sealed record WorkerOptions
{
    /// <summary>The fleet manifest (fleet.toml).</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The manifest's process to run.</summary>
    public required string ProcessName { get; init; }

    /// <summary>The manifest's environment; null: its default environment.</summary>
    public string? Environment { get; init; }

    /// <summary>The clock.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Reads environment variables (secrets, the secrets key, <c>BULKHEAD_HOST</c>, <c>BULKHEAD_JOURNAL</c>).</summary>
    public required Func<string, string?> GetVariable { get; init; }

    /// <summary>Where the status lines go (stdout: nothing else is written there).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Where log messages go (stderr).</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The account's Spot tier; null: the manifest's.</summary>
    public SpotTier? Tier { get; init; }

    /// <summary>The lease's time to live.</summary>
    public TimeSpan LeaseTtl { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a <c>heartbeat</c> line is written.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often market data, fills and open orders are polled and the strategy's timer runs.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an equity point and the account's snapshots are journaled.</summary>
    public TimeSpan EquityInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The dead man's switch window unless the strategy's <c>dms_seconds</c> parameter sets one.</summary>
    public TimeSpan DeadMansSwitch { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The call journal folder (<c>bulkhead audit --usage</c>); null: none.</summary>
    public string? CallJournalFolder { get; init; }

    /// <summary>The HTTP handler the clients use (tests); null: a default one.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Pulled when the supervisor says the fleet's kill switch was pulled (see <see cref="Supervisor.ParentWatch"/>).</summary>
    public KillSwitchSignal KillSwitch { get; init; } = new();

    /// <summary>How soon the dead man's switch fires after a stop for the kill switch (instead of being disarmed).</summary>
    /// <value>1 s.</value>
    public TimeSpan KillSwitchWindow { get; init; } = TimeSpan.FromSeconds(1);
}
