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

    public static Fleet.Journal.CallJournalWriter? Open(CliEnvironment environment, FleetOptions options, ParseResult parse)
    {
        var manifest = parse.GetValue(options.Fleet)!;
        var folder = parse.GetValue(options.Journal)
            ?? environment.GetVariable(Variable)
            ?? Path.Combine(manifest.Directory?.FullName ?? ".", "journal");
        return string.Equals(folder, "off", StringComparison.OrdinalIgnoreCase)
            ? null
            : new Fleet.Journal.CallJournalWriter(folder, parse.GetValue(options.Process) ?? "unnamed");
    }
}
