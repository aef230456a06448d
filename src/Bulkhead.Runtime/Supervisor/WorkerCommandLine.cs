using System.Collections.Immutable;
using System.Reflection;

namespace Bulkhead.Runtime.Supervisor;

/// <summary>
/// The program and leading arguments that start <c>bulkhead</c>: either the app host (<c>/…/bulkhead</c>) or the
/// <c>dotnet</c> host with the CLI's assembly (<c>dotnet /…/bulkhead.dll</c>). The supervisor appends
/// <c>worker FILE --process NAME --env ENV</c> (Contract W).
/// </summary>
/// <param name="FileName">The executable.</param>
/// <param name="Prefix">Arguments before the command (the assembly when run through the dotnet host).</param>
public sealed record WorkerCommandLine(string FileName, ImmutableArray<string> Prefix)
{
    /// <summary>
    /// This very program: <see cref="Environment.ProcessPath"/>, and when that is the <c>dotnet</c> host, the entry
    /// assembly after it (the same way this process was started, with the same runtime).
    /// </summary>
    /// <exception cref="InvalidOperationException">The running program cannot be located.</exception>
    public static WorkerCommandLine ThisProgram()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate the running program (Environment.ProcessPath is null)");
        var host = Path.GetFileNameWithoutExtension(path);
        if (!string.Equals(host, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return new WorkerCommandLine(path, []);
        }

        var assembly = Assembly.GetEntryAssembly()?.Location;
        if (string.IsNullOrEmpty(assembly))
        {
            throw new InvalidOperationException("the program runs under the dotnet host but its entry assembly has no location");
        }

        return new WorkerCommandLine(path, [assembly]);
    }

    /// <summary>The whole argument list for one worker.</summary>
    public IReadOnlyList<string> WorkerArguments(string manifestPath, string process, string environment) =>
        [.. Prefix, RuntimeInfo.WorkerCommand, manifestPath, "--process", process, "--env", environment];
}
