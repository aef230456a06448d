using Tomlyn.Syntax;

namespace Bulkhead.Fleet.Manifest.Internal;

/// <summary>A TOML table rebuilt from Tomlyn's syntax tree, keeping where each table and key was written.</summary>
internal sealed class TomlTable(string path, SourceLocation location)
{
    public string Path { get; } = path;

    public SourceLocation Location { get; } = location;

    public List<TomlEntry> Entries { get; } = [];

    public TomlEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);
}

/// <summary>The tables of one <c>[[NAME]]</c> array, in order.</summary>
internal sealed class TomlTableArray
{
    public List<TomlTable> Tables { get; } = [];
}

/// <summary>One key of a table: where the key was written and its value (a <see cref="TomlTable"/> or a Tomlyn <see cref="ValueSyntax"/>).</summary>
internal sealed record TomlEntry(string Name, SourceLocation Location, object Value);

/// <summary>Builds <see cref="TomlTable"/>s from Tomlyn's <see cref="DocumentSyntax"/>.</summary>
internal static class TomlTree
{
    /// <summary>The arrays of tables the manifest has (top level): every other <c>[[NAME]]</c> is refused.</summary>
    private static readonly string[] TableArrays = ["alerts"];

    public static TomlTable Build(DocumentSyntax document, string file, List<ManifestProblem> problems)
    {
        var root = new TomlTable("", new SourceLocation(file, 1, 1));
        foreach (var keyValue in document.KeyValues)
        {
            Add(root, keyValue, file);
        }

        foreach (var table in document.Tables)
        {
            var at = Locate(table, file);
            if (table is TableArraySyntax)
            {
                var name = Name(table.Name);
                if (!TableArrays.Contains(name))
                {
                    problems.Add(new(at, $"[[{name}]] (an array of tables) is not part of the manifest", "declare one table per item, e.g. [processes.NAME]; only [[alerts]] is an array"));
                    continue;
                }

                if (ArrayOf(root, name, at, problems) is not { } array)
                {
                    continue;
                }

                var item = new TomlTable($"{name}[{array.Tables.Count + 1}]", at);
                array.Tables.Add(item);
                foreach (var keyValue in table.Items ?? [])
                {
                    Add(item, keyValue, file);
                }

                continue;
            }

            var target = root;
            var parts = Parts(table.Name);
            for (var i = 0; i < parts.Count; i++)
            {
                target = Child(target, parts[i], at, file);
            }

            if (table.Items is { } items)
            {
                foreach (var keyValue in items)
                {
                    Add(target, keyValue, file);
                }
            }
        }

        return root;
    }

    private static TomlTableArray? ArrayOf(TomlTable root, string name, SourceLocation at, List<ManifestProblem> problems)
    {
        switch (root.Find(name)?.Value)
        {
            case TomlTableArray existing:
                return existing;
            case null:
                var created = new TomlTableArray();
                root.Entries.Add(new TomlEntry(name, at, created));
                return created;
            default:
                problems.Add(new(at, $"[[{name}]] repeats a key already given another way", $"declare every item as [[{name}]] and nothing else named {name}"));
                return null;
        }
    }

    public static SourceLocation Locate(SyntaxNode? node, string file) =>
        node is null ? new SourceLocation(file, 0, 0) : new SourceLocation(file, node.Span.Start.Line + 1, node.Span.Start.Column + 1);

    public static string Name(KeySyntax? key) => key is null ? "" : string.Join('.', Parts(key));

    private static List<string> Parts(KeySyntax? key)
    {
        var parts = new List<string>();
        if (key is null)
        {
            return parts;
        }

        parts.Add(Text(key.Key));
        if (key.DotKeys is { } dots)
        {
            foreach (var dot in dots)
            {
                parts.Add(Text(dot.Key));
            }
        }

        return parts;
    }

    private static string Text(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => "",
    };

    private static void Add(TomlTable table, KeyValueSyntax keyValue, string file)
    {
        var at = Locate(keyValue, file);
        var parts = Parts(keyValue.Key);
        if (parts.Count == 0)
        {
            return;
        }

        var target = table;
        for (var i = 0; i < parts.Count - 1; i++)
        {
            target = Child(target, parts[i], at, file);
        }

        object value = keyValue.Value is InlineTableSyntax inline ? Inline(inline, $"{Join(target.Path, parts[^1])}", at, file) : keyValue.Value!;
        target.Entries.Add(new TomlEntry(parts[^1], at, value));
    }

    private static TomlTable Inline(InlineTableSyntax inline, string path, SourceLocation at, string file)
    {
        var table = new TomlTable(path, at);
        foreach (var item in inline.Items)
        {
            if (item.KeyValue is { } keyValue)
            {
                Add(table, keyValue, file);
            }
        }

        return table;
    }

    private static TomlTable Child(TomlTable parent, string name, SourceLocation at, string file)
    {
        if (parent.Find(name) is { Value: TomlTable existing })
        {
            return existing;
        }

        var child = new TomlTable(Join(parent.Path, name), at);
        if (parent.Find(name) is null)
        {
            parent.Entries.Add(new TomlEntry(name, at, child));
        }

        _ = file;
        return child;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
