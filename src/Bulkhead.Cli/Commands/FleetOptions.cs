using System.CommandLine;
using System.Globalization;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Kraken.Limits;

namespace Bulkhead.Cli.Commands;

/// <summary>The <c>api</c> commands' fleet options: run as a manifest's process, with its key's lease and its account's shared budget.</summary>
internal sealed class FleetOptions
{
    public Option<FileInfo?> Fleet { get; } = new("--fleet") { Description = "The fleet manifest (fleet.toml): the call runs as --process, with its key, lease and shared account budget." };

    public Option<string?> Process { get; } = new("--process") { Description = "The manifest's process to run as (with --fleet)." };

    public Option<string?> Env { get; } = new("--env") { Description = "The manifest's environment (default: its default_environment)." };

    public Option<SpotTier?> Tier { get; } = new("--tier") { Description = "The account's Spot verification tier, for the shared REST budget (default: the manifest's [master] tier)." };

    public Option<double> LeaseTtl { get; } = new("--lease-ttl") { Description = "Seconds a key's lease lives unless renewed (renewed every third of it).", DefaultValueFactory = _ => 15 };

    public Option<int> Repeat { get; } = new("--repeat") { Description = "How many times to make the call; 0: until stopped.", DefaultValueFactory = _ => 1 };

    public Option<string> Interval { get; } = new("--interval") { Description = "Pause between repeated calls: 100ms, 2s, 1m.", DefaultValueFactory = _ => "0ms" };

    public Option<string?> Journal { get; } = new("--journal") { Description = "With --fleet: the call journal folder (default: BULKHEAD_JOURNAL, else journal/ beside the manifest); 'off' to record nothing." };

    public void AddTo(Command command)
    {
        command.Options.Add(Journal);
        command.Options.Add(Fleet);
        command.Options.Add(Process);
        command.Options.Add(Env);
        command.Options.Add(Tier);
        command.Options.Add(LeaseTtl);
        command.Options.Add(Repeat);
        command.Options.Add(Interval);
    }

    public bool TryGetRepetition(ParseResult parse, out int repeat, out TimeSpan interval, out string? problem)
    {
        repeat = parse.GetValue(Repeat);
        interval = TimeSpan.Zero;
        if (repeat < 0)
        {
            problem = $"--repeat {repeat} must be 0 (until stopped) or more";
            return false;
        }

        var text = parse.GetValue(Interval) ?? "0ms";
        if (!DurationText.TryParse(text, out interval, allowZero: true))
        {
            problem = $"--interval '{text}' is not a duration such as 100ms, 2s or 1m";
            return false;
        }

        problem = null;
        return true;
    }

    public bool TryGetLeaseTtl(ParseResult parse, out TimeSpan ttl, out string? problem)
    {
        var seconds = parse.GetValue(LeaseTtl);
        ttl = TimeSpan.Zero;
        if (double.IsNaN(seconds) || seconds is < 0.3 or > 3600)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"--lease-ttl {seconds} must be between 0.3 and 3600 seconds");
            return false;
        }

        ttl = TimeSpan.FromSeconds(seconds);
        problem = null;
        return true;
    }
}
