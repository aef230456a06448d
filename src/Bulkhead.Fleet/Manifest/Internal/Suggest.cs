namespace Bulkhead.Fleet.Manifest.Internal;

/// <summary>"Did you mean …": the closest known name by edit distance.</summary>
internal static class Suggest
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var d = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        if (best is not null && bestDistance <= Math.Max(2, typed.Length / 3))
        {
            return best;
        }

        // A truncated name ("Query Open Orders") or a singular ("strategy") still points at the one it starts like.
        return typed.Length >= 4
            ? known.FirstOrDefault(k => k.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                ?? known.FirstOrDefault(k => CommonPrefix(typed, k) >= Math.Max(4, typed.Length - 1))
            : null;
    }

    public static string Fix(string typed, IReadOnlyCollection<string> known, string what)
    {
        var closest = Closest(typed, known);
        var list = string.Join(", ", known.Select(k => $"\"{k}\""));
        return closest is not null
            ? $"did you mean \"{closest}\"? ({what}: {list})"
            : known.Count == 0 ? $"declare it first ({what}: none declared)" : $"use one of the {what}: {list}";
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && char.ToUpperInvariant(a[n]) == char.ToUpperInvariant(b[n]))
        {
            n++;
        }

        return n;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
