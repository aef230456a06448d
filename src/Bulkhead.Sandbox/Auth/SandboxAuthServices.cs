using Microsoft.Extensions.DependencyInjection;

namespace Bulkhead.Sandbox.Auth;

/// <summary>Registers the authentication pipeline's services.</summary>
public static class SandboxAuthServices
{
    /// <summary>
    /// Adds the per-key in-flight limit (<see cref="InFlightLimit"/>), the authentication pipeline (<see cref="SandboxAuthenticator"/>) and per-key activity
    /// (<see cref="IKeyActivity"/>, the same instance). Needs <see cref="SandboxExchange"/>, <see cref="SandboxOptions"/>
    /// and <see cref="TimeProvider"/> registered.
    /// </summary>
    public static IServiceCollection AddSandboxAuth(this IServiceCollection services)
    {
        services.AddSingleton(sp => new InFlightLimit(sp.GetRequiredService<SandboxOptions>().MaxInFlightPerKey));
        services.AddSingleton(sp => new SandboxAuthenticator(
            sp.GetRequiredService<SandboxExchange>(), sp.GetRequiredService<SandboxOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IKeyActivity>(sp => sp.GetRequiredService<SandboxAuthenticator>());
        return services;
    }
}
