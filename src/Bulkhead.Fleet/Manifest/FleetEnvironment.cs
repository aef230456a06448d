namespace Bulkhead.Fleet.Manifest;

/// <summary>One <c>[environments.NAME]</c> table: where the fleet's processes talk to.</summary>
/// <param name="Name">The environment's name.</param>
/// <param name="Kind">Sandbox, UAT or production.</param>
/// <param name="SpotUrl">Base URL of the Spot REST API.</param>
/// <param name="FuturesUrl">Base URL of the Futures REST API.</param>
/// <param name="AdminUrl">The sandbox's admin API (sandbox and UAT only).</param>
/// <param name="AdminToken">Where the admin token comes from (<c>env:VAR</c> or <c>store:NAME</c>); never the token itself.</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record FleetEnvironment(
    string Name,
    EnvironmentKind Kind,
    Uri SpotUrl,
    Uri FuturesUrl,
    Uri? AdminUrl,
    string? AdminToken,
    SourceLocation Location);
