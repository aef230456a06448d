using System.Collections.Immutable;
using Tomlyn.Parsing;

namespace Bulkhead.Fleet.Manifest.Internal;

/// <summary>Turns manifest text into a <see cref="FleetManifest"/>, collecting every problem instead of stopping at the first.</summary>
internal static partial class ManifestReader
{
    private static readonly string[] TopLevel = ["fleet", "environments", "hosts", "master", "subaccounts", "strategies", "processes", "keys", "alerting", "alerts"];

    public static ManifestLoadResult Read(string text, string file)
    {
        var document = SyntaxParser.Parse(text, file, true);
        var problems = new List<ManifestProblem>();
        if (document.HasErrors)
        {
            foreach (var d in document.Diagnostics.Where(d => d.Kind == Tomlyn.Syntax.DiagnosticMessageKind.Error))
            {
                problems.Add(new(new SourceLocation(file, d.Span.Start.Line + 1, d.Span.Start.Column + 1),
                    $"invalid TOML: {d.Message}", "correct the TOML syntax at this position (see https://toml.io)"));
            }

            return ManifestLoadResult.Invalid(problems);
        }

        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var root = new TableReader(TomlTree.Build(document, file, problems), problems, locations);
        var fleetTable = root.SubTable("fleet", true, "[fleet] name = \"desk\"");
        var environments = ReadEnvironments(root);
        var master = ReadMaster(root, file);
        var subaccounts = ReadSubaccounts(root);
        var strategies = ReadStrategies(root);
        var keys = ReadKeys(root, master, subaccounts);
        var processes = ReadProcesses(root, keys);
        var hosts = ReadHosts(root);
        var alerting = ReadAlerting(root);
        var alerts = ReadAlerts(root, alerting);
        foreach (var name in TopLevel)
        {
            root.Entry(name);
        }

        root.RejectUnknown();
        var fleet = ReadFleet(fleetTable, environments, file);

        var manifest = new FleetManifest(file, fleet, environments, master, subaccounts, strategies, ResolveAccounts(processes, strategies, keys), keys)
        {
            Locations = locations.ToImmutableDictionary(StringComparer.Ordinal),
            Hosts = hosts,
            Alerting = alerting,
            Alerts = alerts,
        };
        CrossCheck(manifest, processes, root);
        return problems.Count == 0 ? ManifestLoadResult.Valid(manifest) : ManifestLoadResult.Invalid(problems);
    }

    private static FleetSettings ReadFleet(TableReader? t, ImmutableArray<FleetEnvironment> environments, string file)
    {
        if (t is null)
        {
            return new FleetSettings("", 90, 14, "sqlite:fleet.db", "secrets.enc", "", SourceLocation.None(file));
        }

        var name = t.String("name", true, "\"desk-fleet\"") ?? "";
        var rotation = Positive(t, "rotation_days", 90);
        var warning = Positive(t, "expiry_warning_days", 14);
        var coordination = t.String("coordination", false, "\"sqlite:fleet.db\"") ?? "sqlite:fleet.db";
        if (!coordination.StartsWith("sqlite:", StringComparison.Ordinal) && !coordination.StartsWith("postgres:", StringComparison.Ordinal))
        {
            t.Error(t.LocationOf("coordination"), $"coordination \"{coordination}\" names no known store", "use \"sqlite:PATH\" (one host) or \"postgres:Host=…;Database=…\" (several hosts)");
        }

        var journal = t.String("journal", false, "\"sqlite:journal.db\"") ?? "sqlite:journal.db";
        if (!journal.StartsWith("sqlite:", StringComparison.Ordinal) && !journal.StartsWith("postgres:", StringComparison.Ordinal))
        {
            t.Error(t.LocationOf("journal"), $"journal \"{journal}\" names no known store", "use \"sqlite:PATH\" (one host) or \"postgres:Host=…;Database=…\" (several hosts)");
        }

        var secrets = t.String("secrets", false, "\"secrets.enc\"") ?? "secrets.enc";
        var defaultEnvironment = t.String("default_environment", false, "\"sandbox\"");
        if (defaultEnvironment is not null && !environments.Any(e => e.Name == defaultEnvironment))
        {
            t.Error(t.LocationOf("default_environment"), $"default_environment \"{defaultEnvironment}\" is not a declared environment",
                Suggest.Fix(defaultEnvironment, [.. environments.Select(e => e.Name)], "environments"));
        }

        t.RejectUnknown();
        return new FleetSettings(name, rotation, warning, coordination, secrets, defaultEnvironment ?? environments.FirstOrDefault()?.Name ?? "", t.Location)
        {
            Journal = journal,
        };
    }

    private static int Positive(TableReader t, string key, int fallback)
    {
        var value = t.Integer(key, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (value is null)
        {
            return fallback;
        }

        if (value is <= 0 or > 3650)
        {
            t.Error(t.LocationOf(key), $"{t.Qualified(key)} = {value} is out of range", $"use a number of days between 1 and 3650, e.g. {key} = {fallback}");
            return fallback;
        }

        return (int)value.Value;
    }

    private static ImmutableArray<FleetEnvironment> ReadEnvironments(TableReader root)
    {
        var table = root.SubTable("environments", true, "[environments.sandbox] kind = \"sandbox\"");
        var result = ImmutableArray.CreateBuilder<FleetEnvironment>();
        if (table is null)
        {
            return [];
        }

        foreach (var (name, t) in table.Children())
        {
            var kind = Enum<EnvironmentKind>(t, "kind", true, ["sandbox", "uat", "production"]) ?? EnvironmentKind.Sandbox;
            var spot = Url(t, "spot_url", true, kind == EnvironmentKind.Production ? "\"https://api.kraken.com\"" : "\"http://127.0.0.1:8787\"");
            var futures = Url(t, "futures_url", true, kind == EnvironmentKind.Production ? "\"https://futures.kraken.com\"" : "\"http://127.0.0.1:8787\"");
            var admin = Url(t, "admin_url", false, "\"http://127.0.0.1:8787\"");
            var token = t.String("admin_token", false, "\"env:BULKHEAD_ADMIN_TOKEN\"");
            if (kind == EnvironmentKind.Production && (admin is not null || token is not null))
            {
                t.Error(t.LocationOf(admin is not null ? "admin_url" : "admin_token"), $"production environment \"{name}\" has an admin API setting; Kraken has no admin API",
                    "remove admin_url and admin_token (keys for production are created by hand, see `bulkhead plan`)");
            }

            if (token is not null)
            {
                SecretReference(t, "admin_token", token);
            }

            t.RejectUnknown();
            result.Add(new FleetEnvironment(name, kind, spot ?? new Uri("http://invalid"), futures ?? new Uri("http://invalid"), admin, token, t.Location));
        }

        if (result.Count == 0)
        {
            table.Error(table.Location, "no environment is declared", "add e.g. [environments.sandbox] with kind, spot_url and futures_url");
        }

        return result.ToImmutable();
    }

    private static MasterAccount ReadMaster(TableReader root, string file)
    {
        var t = root.SubTable("master", true, "[master] name = \"desk\"");
        if (t is null)
        {
            return new MasterAccount("", SourceLocation.None(file));
        }

        var name = t.String("name", true, "\"desk\"") ?? "";
        var funding = Funding(t);
        var tier = Enum<Kraken.Limits.SpotTier>(t, "tier", false, ["starter", "intermediate", "pro"]) ?? Kraken.Limits.SpotTier.Intermediate;
        var iiban = t.String("iiban", false, "\"AA12 N84G HKCE 3DSH\"");
        var volume = t.Decimal("volume_usd_30d", "\"5000000\"");
        if (volume < 0m)
        {
            t.Error(t.LocationOf("volume_usd_30d"), $"master.volume_usd_30d = {volume} is negative", "write a 30-day volume of zero or more, e.g. volume_usd_30d = \"5000000\"");
        }

        t.RejectUnknown();
        return new MasterAccount(name, t.Location) { Funding = funding, Tier = tier, Iiban = iiban, VolumeUsd30d = volume };
    }

    private static ImmutableDictionary<string, decimal> Funding(TableReader t)
    {
        if (t.SubTable("funding", false, "{ ZUSD = \"100000\" }") is not { } f)
        {
            return ImmutableDictionary<string, decimal>.Empty;
        }

        var result = ImmutableDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        foreach (var entry in f.Table.Entries)
        {
            if (f.Decimal(entry.Name, "\"100000\"") is { } amount)
            {
                if (amount <= 0)
                {
                    f.Error(entry.Location, $"{f.Qualified(entry.Name)} = {amount} is not a positive amount", $"write a positive amount, e.g. {entry.Name} = \"1000\"");
                }
                else
                {
                    result[entry.Name] = amount;
                }
            }
        }

        return result.ToImmutable();
    }

    private static Uri? Url(TableReader t, string key, bool required, string example)
    {
        var text = t.String(key, required, example);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        t.Error(t.LocationOf(key), $"{t.Qualified(key)} \"{text}\" is not an http(s) URL", $"write an absolute URL, e.g. {key} = {example}");
        return null;
    }

    private static T? Enum<T>(TableReader t, string key, bool required, string[] names)
        where T : struct, System.Enum
    {
        var text = t.String(key, required, $"\"{names[0]}\"");
        if (text is null)
        {
            return null;
        }

        var index = Array.IndexOf(names, text);
        if (index >= 0)
        {
            return (T)(object)index;
        }

        t.Error(t.LocationOf(key), $"{t.Qualified(key)} \"{text}\" is not a known {key}", Suggest.Fix(text, names, $"{key}s"));
        return null;
    }

    private static void SecretReference(TableReader t, string key, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? value[..colon] : "";
        var name = colon > 0 ? value[(colon + 1)..] : "";
        if (scheme is "store" or "env" && name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            return;
        }

        // Never echo the value: someone may have pasted the secret itself.
        t.Error(t.LocationOf(key), $"{t.Qualified(key)} is not a secret reference",
            $"write \"store:NAME\" (the encrypted secrets file, see `bulkhead secrets set`) or \"env:VAR\"; never the secret itself");
    }
}
