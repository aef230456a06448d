using System.CommandLine;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// The call journal of a fleet process: every signed attempt as one JSON line (key name, process, host, outcome — never a
/// credential) in <c>--journal DIR</c>, else <c>BULKHEAD_JOURNAL</c>, else <c>journal/</c> beside the manifest. What
/// <c>bulkhead audit --usage DIR</c> reads.
/// </summary>
internal static class FleetJournal
{
    public const string Variable = "BULKHEAD_JOURNAL";

    /// <summary>
    /// The call journal's folder for a manifest in <paramref name="manifestDirectory"/>: <paramref name="given"/>, else
    /// <c>BULKHEAD_JOURNAL</c>, else <c>journal/</c> beside the manifest; null when it is <c>off</c>.
    /// </summary>
    public static string? Folder(CliEnvironment environment, string? manifestDirectory, string? given = null)
    {
        var folder = given is { Length: > 0 } ? given
            : environment.GetVariable(Variable) is { Length: > 0 } variable ? variable
            : Path.Combine(manifestDirectory ?? ".", "journal");
        return string.Equals(folder, "off", StringComparison.OrdinalIgnoreCase) ? null : folder;
    }

    public static Fleet.Journal.CallJournalWriter? Open(CliEnvironment environment, FleetOptions options, ParseResult parse)
    {
        var manifest = parse.GetValue(options.Fleet)!;
        return Folder(environment, manifest.Directory?.FullName, parse.GetValue(options.Journal)) is { } folder
            ? new Fleet.Journal.CallJournalWriter(folder, parse.GetValue(options.Process) ?? "unnamed")
            : null;
    }
}
