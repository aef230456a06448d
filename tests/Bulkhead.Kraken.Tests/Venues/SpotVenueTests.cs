using Bulkhead.Kraken.Spot;
using Bulkhead.Kraken.Venues;
using Bulkhead.Testing.Venues;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;

namespace Bulkhead.Kraken.Tests.Venues;

/// <summary>The <see cref="AccountVenueContract"/> on the Spot REST transport (<see cref="SpotVenue"/>).</summary>
public sealed class SpotVenueTests : AccountVenueContract
{
    protected override string Symbol => "XBTUSD";

    protected override decimal Price => 90_000m;

    protected override decimal Quantity => 0.01m;

    protected override bool HasMarginWallet => false;

    private protected override (IAccountVenue Maker, IAccountVenue Taker) Open(VenueSandbox sandbox) =>
        (sandbox.Open("maker", KeyVenue.Spot, Wallet.Spot, ("XXBT", 1m)), sandbox.Open("taker", KeyVenue.Spot, Wallet.Spot, ("ZUSD", 10_000m)));
}
