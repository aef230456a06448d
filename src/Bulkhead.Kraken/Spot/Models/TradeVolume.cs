namespace Bulkhead.Kraken.Spot.Models;

/// <summary>The account's 30-day volume and the fees it earns.</summary>
/// <param name="Currency">The volume currency, e.g. <c>ZUSD</c>.</param>
/// <param name="Volume">The 30-day volume (including linked subaccounts).</param>
/// <param name="TakerFees">Taker fees by pair id, for the pairs asked about.</param>
/// <param name="MakerFees">Maker fees by pair id, for the pairs asked about.</param>
public sealed record TradeVolume(string Currency, decimal Volume, IReadOnlyDictionary<string, PairFee> TakerFees, IReadOnlyDictionary<string, PairFee> MakerFees);
