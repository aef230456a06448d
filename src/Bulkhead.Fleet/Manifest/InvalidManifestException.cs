using System.Collections.Immutable;

namespace Bulkhead.Fleet.Manifest;

/// <summary>Thrown by <see cref="ManifestLoadResult.GetValueOrThrow"/>; the message lists every problem.</summary>
public sealed class InvalidManifestException : Exception
{
    /// <summary>Creates the exception for <paramref name="problems"/>.</summary>
    public InvalidManifestException(ImmutableArray<ManifestProblem> problems)
        : base("Invalid fleet manifest:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public InvalidManifestException()
        : base("Invalid fleet manifest.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Every problem.</summary>
    public ImmutableArray<ManifestProblem> Problems { get; }
}
