using System.Reflection;
using System.Runtime.Loader;

namespace Bulkhead.Runtime.Strategies;

/// <summary>
/// The load context of one user strategy assembly: its own dependencies resolve from beside it (its <c>.deps.json</c>),
/// while Bulkhead's assemblies and anything the worker has loaded already come from the worker's own context, so the
/// strategy's <c>IStrategy</c> is the worker's <c>IStrategy</c> and two strategies can bring different versions of a
/// third-party library.
/// </summary>
internal sealed class UserStrategyLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public UserStrategyLoadContext(string assemblyPath)
        : base($"strategy:{Path.GetFileNameWithoutExtension(assemblyPath)}", isCollectible: false) =>
        _resolver = new AssemblyDependencyResolver(assemblyPath);

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The SDK and everything under it is shared with the worker: the same types on both sides.
        if (assemblyName.Name is { } name && (name.StartsWith("Bulkhead.", StringComparison.Ordinal)
            || Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name, StringComparison.Ordinal))))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
