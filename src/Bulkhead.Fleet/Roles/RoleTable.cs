using System.Text;
using Bulkhead.Fleet.Audit;

namespace Bulkhead.Fleet.Roles;

/// <summary>Renders <see cref="RolePermissions"/> as the Markdown table of docs/fleet.md (a test keeps the doc equal to this).</summary>
public static class RoleTable
{
    /// <summary>The Markdown table, one row per role.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("| role | Spot permissions (Kraken's names) | Futures | master only | what it does | Spot methods it calls | Futures endpoints it calls |\n");
        text.Append("|---|---|---|---|---|---|---|\n");
        foreach (var r in RolePermissions.All)
        {
            text.Append("| ").Append(r.Role.ToString().ToLowerInvariant())
                .Append(" | ").Append(string.Join(", ", KeyPermissions.Names(r.Spot)))
                .Append(" | ").Append(FuturesAccess.Describe(r.Futures))
                .Append(" | ").Append(r.MasterOnly ? "yes" : "no")
                .Append(" | ").Append(r.Purpose)
                .Append(" | ").Append(string.Join(", ", r.SpotMethods))
                .Append(" | ").Append(string.Join(", ", r.FuturesEndpoints))
                .Append(" |\n");
        }

        return text.ToString();
    }
}
