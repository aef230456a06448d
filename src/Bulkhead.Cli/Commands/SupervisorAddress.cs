using System.Text.Json;
using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// Where a running <c>bulkhead run</c> (or <c>demo</c>) serves its dashboard, so that <c>bulkhead halt|resume|flatten|
/// restart|kill FILE …</c> find it without being told: <c>supervisor-ENV.json</c> beside the manifest
/// (<c>{url, pid, host, environment, startedAt}</c>), written when the dashboard is up, deleted when it stops. No token is
/// ever written there.
/// </summary>
/// <param name="Url">The dashboard's address.</param>
/// <param name="Pid">The supervisor's process id.</param>
/// <param name="Host">Its host.</param>
/// <param name="Environment">The manifest environment it runs.</param>
/// <param name="StartedAt">When it started serving.</param>
internal sealed record SupervisorAddress(Uri Url, int Pid, string Host, string Environment, DateTimeOffset StartedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The file for <paramref name="environment"/> of <paramref name="manifest"/>.</summary>
    public static string PathFor(FleetManifest manifest, string environment) =>
        System.IO.Path.Combine(manifest.BaseDirectory, $"supervisor-{environment}.json");

    /// <summary>The address recorded for the environment, or null when none is (no supervisor serves it, or it never recorded one).</summary>
    public static SupervisorAddress? Read(FleetManifest manifest, string environment)
    {
        var path = PathFor(manifest, environment);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<SupervisorAddress>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Records this address; a failure (read-only folder) is reported, never fatal.</summary>
    public string? Write(FleetManifest manifest)
    {
        var path = PathFor(manifest, Environment);
        try
        {
            File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"could not record the dashboard's address in {path} ({e.Message}): give the operator commands --url";
        }
    }

    /// <summary>Removes the record when it is this supervisor's.</summary>
    public void Delete(FleetManifest manifest)
    {
        var path = PathFor(manifest, Environment);
        try
        {
            if (Read(manifest, Environment) is { } recorded && recorded.Pid == Pid && recorded.Host == Host)
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: the next supervisor overwrites it, and a client finds nobody answering there.
        }
    }
}
