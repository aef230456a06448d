using System.Collections.Immutable;
using System.Net;

namespace Bulkhead.Fleet.Manifest.Internal;

internal static partial class ManifestReader
{
    private static ImmutableArray<FleetHost> ReadHosts(TableReader root)
    {
        if (root.SubTable("hosts", false, "[hosts.host-a] addresses = [\"203.0.113.7\"]") is not { } table)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<FleetHost>();
        foreach (var (name, t) in table.Children())
        {
            var addresses = ImmutableArray.CreateBuilder<IPAddress>();
            var invalid = false;
            foreach (var (text, at) in t.Strings("addresses", "[\"203.0.113.7\"]"))
            {
                if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
                {
                    addresses.Add(address);
                }
                else
                {
                    invalid = true;
                    t.Error(at, $"\"{text}\" in hosts.{name}.addresses is not an IP address", "write the address the host's traffic to Kraken leaves from, e.g. \"203.0.113.7\" (no network prefix)");
                }
            }

            if (addresses.Count == 0 && !invalid)
            {
                t.Error(t.Location, $"hosts.{name} declares no addresses", "add addresses = [\"EGRESS-ADDRESS\"]: the keys of the processes that may run there must allow them");
            }

            t.RejectUnknown();
            result.Add(new FleetHost(name, addresses.ToImmutable(), t.Location));
        }

        return result.ToImmutable();
    }
}
