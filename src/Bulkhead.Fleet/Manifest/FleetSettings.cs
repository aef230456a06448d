namespace Bulkhead.Fleet.Manifest;

/// <summary>The <c>[fleet]</c> table.</summary>
/// <param name="Name">The fleet's name.</param>
/// <param name="RotationDays">A key older than this many days is due for rotation (default 90).</param>
/// <param name="ExpiryWarningDays">A key expiring within this many days is flagged (default 14).</param>
/// <param name="Coordination"><c>sqlite:PATH</c> (relative to the manifest's folder) or <c>postgres:CONNSTRING</c> (default <c>sqlite:fleet.db</c>).</param>
/// <param name="Secrets">The encrypted secrets file, relative to the manifest's folder (default <c>secrets.enc</c>).</param>
/// <param name="DefaultEnvironment">The environment used when none is named.</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record FleetSettings(
    string Name,
    int RotationDays,
    int ExpiryWarningDays,
    string Coordination,
    string Secrets,
    string DefaultEnvironment,
    SourceLocation Location)
{
    /// <summary>
    /// Where trading processes journal their orders, fills and equity: <c>sqlite:PATH</c> (relative to the manifest's
    /// folder) or <c>postgres:CONNSTRING</c> for fleets on several hosts (default <c>sqlite:journal.db</c>).
    /// </summary>
    public string Journal { get; init; } = "sqlite:journal.db";
}
