using Bulkhead.Fleet.Manifest;

namespace Bulkhead.Runtime.Supervisor;

/// <summary>What a launcher needs to start one worker, and where it delivers the worker's output.</summary>
/// <param name="ManifestPath">The fleet manifest (absolute path).</param>
/// <param name="Process">The manifest process to run.</param>
/// <param name="Environment">The manifest environment to run it in.</param>
/// <param name="OnStatusLine">Receives each stdout line (Contract W: one JSON object per line).</param>
/// <param name="OnLogLine">Receives each stderr line (logs; never parsed).</param>
public sealed record ChildStart(
    string ManifestPath,
    FleetProcess Process,
    string Environment,
    Action<string> OnStatusLine,
    Action<string> OnLogLine);
