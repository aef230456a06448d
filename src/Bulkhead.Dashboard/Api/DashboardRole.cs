using Microsoft.AspNetCore.Http;

namespace Bulkhead.Dashboard.Api;

/// <summary>What a request may do: look (viewer), or also act (operator). Set by the token gate on every request.</summary>
internal enum DashboardRole
{
    /// <summary>Reads everything, acts on nothing.</summary>
    Viewer,

    /// <summary>Reads everything and may act (halt, resume, flatten, restart, the kill switch).</summary>
    Operator,
}

/// <summary>The request's role, as the token gate decided it.</summary>
internal static class DashboardRoles
{
    private const string Key = "bulkhead.role";

    public static DashboardRole Role(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var role) && role is DashboardRole r ? r : DashboardRole.Viewer;

    public static void SetRole(this HttpContext context, DashboardRole role) => context.Items[Key] = role;
}
