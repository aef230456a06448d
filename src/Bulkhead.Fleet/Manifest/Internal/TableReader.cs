using System.Collections.Immutable;
using System.Globalization;
using Tomlyn;
using Tomlyn.Syntax;

namespace Bulkhead.Fleet.Manifest.Internal;

/// <summary>Reads typed values out of one table, records a problem for each wrong one, and reports keys it never read as unknown.</summary>
internal sealed class TableReader(TomlTable table, List<ManifestProblem> problems, Dictionary<string, SourceLocation> locations)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>Every key read so far, by dotted path (shared by all readers of one manifest).</summary>
    public Dictionary<string, SourceLocation> Locations { get; } = locations;

    public TomlTable Table { get; } = table;

    public SourceLocation Location => Table.Location;

    public string Path => Table.Path;

    public List<ManifestProblem> Problems { get; } = problems;

    public void Error(SourceLocation at, string message, string fix) => Problems.Add(new ManifestProblem(at, message, fix));

    public SourceLocation LocationOf(string key) => Table.Find(key)?.Location ?? Location;

    public TomlEntry? Entry(string key)
    {
        _known.Add(key);
        var entry = Table.Find(key);
        if (entry is not null)
        {
            Locations[Qualified(key)] = entry.Location;
        }

        return entry;
    }

    public string? String(string key, bool required, string example)
    {
        var entry = Entry(key);
        if (entry is null)
        {
            if (required)
            {
                Error(Location, $"[{Path}] is missing the required key \"{key}\"", $"add {key} = {example}");
            }

            return null;
        }

        if (entry.Value is StringValueSyntax s)
        {
            return s.Value ?? "";
        }

        WrongType(entry, "a string", example);
        return null;
    }

    public long? Integer(string key, string example)
    {
        var entry = Entry(key);
        switch (entry?.Value)
        {
            case null:
                return null;
            case IntegerValueSyntax i:
                return i.Value;
            default:
                WrongType(entry, "an integer", example);
                return null;
        }
    }

    public bool? Boolean(string key)
    {
        var entry = Entry(key);
        switch (entry?.Value)
        {
            case null:
                return null;
            case BooleanValueSyntax b:
                return b.Value;
            default:
                WrongType(entry, "true or false", "true");
                return null;
        }
    }

    public decimal? Decimal(string key, string example)
    {
        var entry = Entry(key);
        var text = entry?.Value switch
        {
            null => null,
            StringValueSyntax s => s.Value,
            IntegerValueSyntax i => i.Token?.Text?.Replace("_", "", StringComparison.Ordinal),
            FloatValueSyntax f => f.Token?.Text?.Replace("_", "", StringComparison.Ordinal),
            _ => "\u0000",
        };
        if (entry is null)
        {
            return null;
        }

        if (text is not null && decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(entry.Location, $"{Qualified(entry.Name)} must be a decimal number", $"write it as a string, e.g. {entry.Name} = {example}");
        return null;
    }

    public DateOnly? Date(string key)
    {
        var entry = Entry(key);
        switch (entry?.Value)
        {
            case null:
                return null;
            case DateTimeValueSyntax { Value: { Kind: TomlDateTimeKind.LocalDate } d }:
                return DateOnly.FromDateTime(d.DateTime.DateTime);
            case StringValueSyntax s when DateOnly.TryParseExact(s.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed):
                return parsed;
            default:
                Error(entry.Location, $"{Qualified(entry.Name)} is not a date", $"write a TOML date without quotes, e.g. {entry.Name} = 2027-05-01");
                return null;
        }
    }

    /// <summary>An array of strings; a single string is refused (write a list).</summary>
    public ImmutableArray<(string Value, SourceLocation At)> Strings(string key, string example)
    {
        var entry = Entry(key);
        if (entry is null)
        {
            return [];
        }

        if (entry.Value is not ArraySyntax array)
        {
            WrongType(entry, "a list of strings", example);
            return [];
        }

        var result = ImmutableArray.CreateBuilder<(string, SourceLocation)>();
        foreach (var item in array.Items)
        {
            if (item.Value is StringValueSyntax s)
            {
                result.Add((s.Value ?? "", TomlTree.Locate(item.Value, entry.Location.File)));
            }
            else
            {
                Error(TomlTree.Locate(item.Value, entry.Location.File), $"{Qualified(entry.Name)} must hold strings only", $"quote every item, e.g. {entry.Name} = {example}");
            }
        }

        return result.ToImmutable();
    }

    public TableReader? SubTable(string key, bool required, string example)
    {
        var entry = Entry(key);
        if (entry is null)
        {
            if (required)
            {
                Error(Location, $"the manifest has no [{(Path.Length == 0 ? key : $"{Path}.{key}")}] table", $"add it, e.g. {example}");
            }

            return null;
        }

        if (entry.Value is TomlTable t)
        {
            return new TableReader(t, Problems, Locations);
        }

        WrongType(entry, "a table", example);
        return null;
    }

    /// <summary>Each table of an array of tables, e.g. every <c>[[alerts]]</c>; nothing when absent.</summary>
    public IEnumerable<TableReader> TableArray(string key, string example)
    {
        var entry = Entry(key);
        switch (entry?.Value)
        {
            case null:
                yield break;
            case TomlTableArray array:
                foreach (var table in array.Tables)
                {
                    yield return new TableReader(table, Problems, Locations);
                }

                yield break;
            default:
                WrongType(entry, "an array of tables", example);
                yield break;
        }
    }

    /// <summary>Each entry of a table of named tables, e.g. every <c>[keys.NAME]</c>.</summary>
    public IEnumerable<(string Name, TableReader Reader)> Children()
    {
        foreach (var entry in Table.Entries)
        {
            _known.Add(entry.Name);
            Locations[Qualified(entry.Name)] = entry.Location;
            if (entry.Value is TomlTable t)
            {
                yield return (entry.Name, new TableReader(t, Problems, Locations));
            }
            else
            {
                Error(entry.Location, $"{Qualified(entry.Name)} must be a table", $"declare it as [{Qualified(entry.Name)}] with its keys below");
            }
        }
    }

    /// <summary>Reports every key that was not read as unknown, with the closest known one.</summary>
    public void RejectUnknown()
    {
        foreach (var entry in Table.Entries.Where(e => !_known.Contains(e.Name)))
        {
            Error(entry.Location, $"unknown key \"{entry.Name}\" in [{(Path.Length == 0 ? "top level" : Path)}]", Suggest.Fix(entry.Name, [.. _known], "known keys"));
        }
    }

    public string Qualified(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private void WrongType(TomlEntry entry, string expected, string example) =>
        Error(entry.Location, $"{Qualified(entry.Name)} must be {expected}, not {Describe(entry.Value)}", $"write e.g. {entry.Name} = {example}");

    private static string Describe(object value) => value switch
    {
        StringValueSyntax => "a string",
        IntegerValueSyntax => "an integer",
        FloatValueSyntax => "a float",
        BooleanValueSyntax => "a boolean",
        DateTimeValueSyntax => "a date",
        ArraySyntax => "a list",
        TomlTable => "a table",
        TomlTableArray => "an array of tables",
        _ => "something else",
    };
}
