using Bulkhead.Sandbox.Market;

namespace Bulkhead.Sandbox;

/// <summary>How a sandbox runs. Defaults are documented in docs/sandbox.md.</summary>
public sealed class SandboxOptions
{
    /// <summary>Data folder for the SQLite database and the admin token; ignored when <see cref="InMemory"/>.</summary>
    /// <value>Null: <c>$BULKHEAD_HOME/sandbox</c>, else <c>~/.bulkhead/sandbox</c>.</value>
    public string? DataFolder { get; set; }

    /// <summary>Keep everything in memory (fast tests); nothing survives a restart.</summary>
    /// <value>False.</value>
    public bool InMemory { get; set; }

    /// <summary>
    /// SQLite durability: true runs <c>synchronous=FULL</c> (every acknowledged operation survives a process kill and a
    /// power loss, one fsync per commit); false runs <c>NORMAL</c> (survives a process kill; the last commits may be lost
    /// on power loss; faster). A sandbox's failure mode is a killed process, not a power cut, and every signed call
    /// writes its nonce mark, so the default is NORMAL. See docs/sandbox.md.
    /// </summary>
    /// <value>False.</value>
    public bool SyncEveryCommit { get; set; }

    /// <summary>The admin bearer token; null: read <c>DATA/admin.token</c> or generate it there on first start.</summary>
    /// <value>Null.</value>
    public string? AdminToken { get; set; }

    /// <summary>Failed authentications (bad signature, bad nonce, bad key for a known key) within <see cref="LockoutWindow"/> that lock a key out.</summary>
    /// <value>10 (the client's lockout guard stops at 3, well before this).</value>
    public int LockoutThreshold { get; set; } = 10;

    /// <summary>The period over which failures are counted.</summary>
    /// <value>5 minutes.</value>
    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a lockout lasts (Kraken: about 15 minutes).</summary>
    /// <value>15 minutes.</value>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The Spot verification tier of every account (REST and trading counters).</summary>
    /// <value>Intermediate.</value>
    public Bulkhead.Kraken.Limits.SpotTier Tier { get; set; } = Bulkhead.Kraken.Limits.SpotTier.Intermediate;

    /// <summary>
    /// Private Spot requests one API key may have in flight at once; one more is answered
    /// <c>EService: Throttled: &lt;unix time&gt;</c> (one second later) before it is read or authenticated, and records
    /// nothing. Kraken's own number is not published (UNCONFIRMED); see docs/sandbox.md.
    /// </summary>
    /// <value>16: far above what any client, test or benchmark in this repository keeps in flight on one key (each calls one at a time per key; the benchmarks run 16 workers with a key each).</value>
    public int MaxInFlightPerKey { get; set; } = 16;

    /// <summary>Largest request body accepted, in bytes; larger ones get <c>EGeneral:Invalid arguments</c>.</summary>
    /// <value>64 KiB.</value>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long history nobody can query any more is kept (docs/sandbox.md "Retention").</summary>
    /// <value>Defaults of <see cref="Retention.RetentionOptions"/>: system accounts' history 1 hour, users' for ever, a pass every 10 minutes.</value>
    public Retention.RetentionOptions Retention { get; set; } = new();

    /// <summary>The WebSocket endpoints' limits (Spot v2 and the Unified WebSocket).</summary>
    /// <value>Defaults of <see cref="Api.Sockets.SocketOptions"/>.</value>
    public Api.Sockets.SocketOptions Sockets { get; set; } = new();

    /// <summary>The simulated market (liquidity provider, price path, noise takers, Futures mark/index); off unless <see cref="MarketOptions.Enabled"/>.</summary>
    /// <value>Defaults of <see cref="MarketOptions"/>: disabled.</value>
    public MarketOptions Market { get; set; } = new();
}
