using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Guards;
using Bulkhead.Kraken.Journal;
using Bulkhead.Kraken.Limits;

namespace Bulkhead.Runtime.Gateway;

/// <summary>How <see cref="GatewayHost.StartAsync"/> serves one manifest process.</summary>
public sealed class GatewayOptions
{
    /// <summary>The fleet manifest.</summary>
    public required FleetManifest Manifest { get; init; }

    /// <summary>The manifest's process whose key the gateway holds.</summary>
    public required string ProcessName { get; init; }

    /// <summary>The environment (null: the manifest's default).</summary>
    public string? Environment { get; init; }

    /// <summary>The loopback port (0: any free one).</summary>
    /// <value>0.</value>
    public int Port { get; init; }

    /// <summary>What the bot signs with.</summary>
    public required LocalCredential Credential { get; init; }

    /// <summary>The clock.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Reads an environment variable (the manifest's <c>env:</c> secrets, the secrets key).</summary>
    public required Func<string, string?> GetVariable { get; init; }

    /// <summary>Where every signed call is journaled (null: not journaled).</summary>
    public ICallJournal? Journal { get; init; }

    /// <summary>The account's verification tier (null: the manifest's).</summary>
    public SpotTier? Tier { get; init; }

    /// <summary>The lease's time to live (null: <see cref="Fleet.Sessions.ProcessSessionOptions.DefaultLeaseTtl"/>).</summary>
    public TimeSpan? LeaseTtl { get; init; }

    /// <summary>How the key's nonce source counts and reserves (null: the defaults).</summary>
    public Kraken.Nonces.NonceOptions? Nonces { get; init; }

    /// <summary>The lockout guard's settings.</summary>
    public LockoutGuardOptions Guard { get; init; } = new();

    /// <summary>
    /// How many private calls the gateway sends to the exchange at once. 1 (the default) sends them one after another in
    /// the order their nonces were drawn, so a bot's concurrent calls can never reach the exchange out of nonce order on a
    /// key without a nonce window; raise it only for a key whose nonce window covers the calls in flight.
    /// </summary>
    /// <value>1.</value>
    public int MaxPrivateInFlight { get; init; } = 1;

    /// <summary>How long to wait for the exchange's answer.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan ExchangeTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
