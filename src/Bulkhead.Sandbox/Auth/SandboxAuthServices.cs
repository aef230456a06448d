using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Auth;

/// <summary>Registers the authentication pipeline's services.</summary>
public static class SandboxAuthServices
{
    /// <summary>Adds fault settings, per-key activity and the authentication pipeline.</summary>
    public static IServiceCollection AddSandboxAuth(this IServiceCollection services)
    {
        services.AddSingleton<FaultSettings>();
        return services;
    }
}
