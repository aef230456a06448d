using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Bulkhead.Fleet.Manifest;

/// <summary>A loaded manifest, or every problem found in it (never both).</summary>
public sealed class ManifestLoadResult
{
    private ManifestLoadResult(FleetManifest? manifest, ImmutableArray<ManifestProblem> problems)
    {
        Manifest = manifest;
        Problems = problems;
    }

    /// <summary>The manifest when it is valid.</summary>
    public FleetManifest? Manifest { get; }

    /// <summary>Every problem, in file order (empty when valid).</summary>
    public ImmutableArray<ManifestProblem> Problems { get; }

    /// <summary>True when the manifest is valid.</summary>
    [MemberNotNullWhen(true, nameof(Manifest))]
    public bool IsValid => Manifest is not null;

    /// <summary>A valid manifest.</summary>
    public static ManifestLoadResult Valid(FleetManifest manifest) => new(manifest, []);

    /// <summary>An invalid manifest.</summary>
    public static ManifestLoadResult Invalid(IEnumerable<ManifestProblem> problems) =>
        new(null, [.. problems.OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column)]);

    /// <summary>The manifest, or an exception listing every problem.</summary>
    public FleetManifest GetValueOrThrow() =>
        Manifest ?? throw new InvalidManifestException(Problems);
}
