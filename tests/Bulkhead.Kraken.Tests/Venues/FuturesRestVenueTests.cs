using Bulkhead.Kraken.Futures.Rest;
using Bulkhead.Kraken.Venues;
using Bulkhead.Testing.Venues;
using Bulkhead.Sandbox.Keys;
using Bulkhead.Sandbox.Ledger;

namespace Bulkhead.Kraken.Tests.Venues;

/// <summary>The <see cref="AccountVenueContract"/> on the Futures REST transport (<see cref="FuturesRestClient"/>).</summary>
public sealed class FuturesRestVenueTests : AccountVenueContract
{
    protected override string Symbol => "PF_XBTUSD";

    protected override decimal Price => 100_000m;

    protected override decimal Quantity => 0.01m;

    protected override bool HasMarginWallet => true;

    private protected override (IAccountVenue Maker, IAccountVenue Taker) Open(VenueSandbox sandbox) =>
        (sandbox.Open("maker", KeyVenue.Futures, Wallet.FuturesFlex, ("ZUSD", 1_000_000m)), sandbox.Open("taker", KeyVenue.Futures, Wallet.FuturesFlex, ("ZUSD", 10_000m)));
}
