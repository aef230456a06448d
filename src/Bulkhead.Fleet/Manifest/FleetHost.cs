using System.Collections.Immutable;
using System.Net;

namespace Bulkhead.Fleet.Manifest;

/// <summary>
/// One <c>[hosts.NAME]</c> table: a machine the fleet runs on. Its name is the machine name the supervisor runs under
/// (<c>bulkhead run --host NAME</c>) and the call journal records; its addresses are the egress addresses Kraken sees, which
/// the keys of every process that may run there must allow.
/// </summary>
/// <param name="Name">The host's (machine) name.</param>
/// <param name="Addresses">The addresses its traffic to Kraken leaves from.</param>
/// <param name="Location">Where the table was declared.</param>
public sealed record FleetHost(string Name, ImmutableArray<IPAddress> Addresses, SourceLocation Location);
