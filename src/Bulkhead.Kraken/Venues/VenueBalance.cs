namespace Bulkhead.Kraken.Venues;

/// <summary>How much of one currency one wallet holds.</summary>
/// <param name="Kind">What the wallet is for.</param>
/// <param name="Wallet">The wallet, as the venue names it (Spot: <c>spot</c>; Futures: <c>cash</c>, <c>flex</c>, <c>fi_xbtusd</c>).</param>
/// <param name="Currency">The currency code, as the venue writes it.</param>
/// <param name="Quantity">The total held.</param>
/// <param name="Available">The part free to use or move, when the venue reports it.</param>
public sealed record VenueBalance(WalletKind Kind, string Wallet, string Currency, decimal Quantity, decimal? Available);
