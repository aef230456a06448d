using System.Collections.Immutable;
using System.Net;
using Bulkhead.Kraken.Spot;
using Tomlyn.Syntax;

namespace Bulkhead.Fleet.Manifest.Internal;

internal static partial class ManifestReader
{
    private static readonly string[] FuturesNames = ["read-only", "full", "withdrawal"];

    private static ImmutableArray<FleetKey> ReadKeys(TableReader root, MasterAccount master, ImmutableArray<Subaccount> subaccounts)
    {
        var result = ImmutableArray.CreateBuilder<FleetKey>();
        if (root.SubTable("keys", false, "[keys.mm-trader] account = \"mm\"") is not { } table)
        {
            return [];
        }

        foreach (var (name, t) in table.Children())
        {
            var account = t.String("account", true, "\"mm\"") ?? "";
            var declaredVenue = Enum<Venue>(t, "venue", false, Venues);
            var sub = subaccounts.FirstOrDefault(s => s.Name == account);
            var venue = declaredVenue ?? sub?.Venue ?? Venue.Spot;
            // A Kraken API key (venue "spot") may belong to a derivatives subaccount: it streams it over the Unified
            // WebSocket (its token comes from Spot REST). A Futures key on a Spot subaccount reaches nothing.
            if (sub is not null && declaredVenue is { } v && v != sub.Venue && !(v == Venue.Spot && sub.Venue == Venue.Futures))
            {
                t.Error(t.LocationOf("venue"), $"key \"{name}\" is a {Lower(v)} key but subaccount \"{account}\" is a {Lower(sub.Venue)} subaccount",
                    $"write venue = \"{Lower(sub.Venue)}\" or put the key on a {Lower(v)} account");
            }

            var (fromRole, spot, futures) = Permissions(t, venue);
            var allowlist = ImmutableArray.CreateBuilder<IPNetwork>();
            foreach (var (text, at) in t.Strings("ip_allowlist", "[\"203.0.113.7/32\"]"))
            {
                if (Network(text) is { } network)
                {
                    allowlist.Add(network);
                }
                else
                {
                    t.Error(at, $"\"{text}\" in keys.{name}.ip_allowlist is not an address or a network in CIDR notation", "write an address or a CIDR network, e.g. \"203.0.113.7/32\" or \"10.0.0.0/24\" (no host bits after the prefix)");
                }
            }

            var created = t.Date("created");
            var expires = t.Date("expires");
            if (created is { } c && expires is { } e && e <= c)
            {
                t.Error(t.LocationOf("expires"), $"keys.{name} expires ({e:yyyy-MM-dd}) on or before it was created ({c:yyyy-MM-dd})", "set expires after created, or fix created");
            }

            var secret = t.String("secret", true, $"\"store:{name}\"") ?? "";
            if (secret.Length > 0)
            {
                SecretReference(t, "secret", secret);
            }

            var environments = t.Strings("environments", "[\"sandbox\", \"production\"]").Select(x => x.Value).ToImmutableArray();
            t.RejectUnknown();
            _ = master;
            result.Add(new FleetKey(name, account, venue, fromRole, spot, futures, allowlist.ToImmutable(), created, expires, secret, environments, t.Location));
        }

        return result.ToImmutable();
    }

    private static (bool FromRole, SpotPermission Spot, FuturesPermission Futures) Permissions(TableReader t, Venue venue)
    {
        var entry = t.Entry("permissions");
        if (entry is null)
        {
            t.Error(t.Location, $"[{t.Path}] is missing the required key \"permissions\"", "add permissions = \"role\" (the minimum of its process's role) or a list of Kraken's permission names");
            return (true, SpotPermission.None, FuturesPermission.None);
        }

        if (entry.Value is StringValueSyntax { Value: "role" })
        {
            return (true, SpotPermission.None, FuturesPermission.None);
        }

        if (entry.Value is not ArraySyntax array)
        {
            t.Error(entry.Location, $"{t.Qualified("permissions")} must be \"role\" or a list of permission names", venue == Venue.Spot
                ? "write permissions = \"role\" or e.g. permissions = [\"Query Funds\", \"Query Open Orders & Trades\"]"
                : "write permissions = \"role\" or e.g. permissions = [\"read-only\"]");
            return (true, SpotPermission.None, FuturesPermission.None);
        }

        var spot = SpotPermission.None;
        var futures = FuturesPermission.None;
        foreach (var item in array.Items)
        {
            var at = TomlTree.Locate(item.Value, t.Location.File);
            var text = (item.Value as StringValueSyntax)?.Value;
            if (venue == Venue.Spot && text is not null && SpotPermissions.TryParse(text, out var p))
            {
                spot |= p;
            }
            else if (venue == Venue.Futures && text is not null && Array.IndexOf(FuturesNames, text) is var i and >= 0)
            {
                futures |= (FuturesPermission)(1 << i);
            }
            else
            {
                var known = venue == Venue.Spot ? SpotPermissions.All.Select(n => n.Name).ToArray() : FuturesNames;
                t.Error(at, $"{(text is null ? "a non-string item" : $"\"{text}\"")} is not a Kraken {Lower(venue)} permission", Suggest.Fix(text ?? "", known, $"{Lower(venue)} permissions"));
            }
        }

        return (false, spot, futures);
    }

    private static IPNetwork? Network(string text)
    {
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        return !text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }

    private static string Lower(Venue venue) => venue == Venue.Spot ? "spot" : "futures";
}
