using Bulkhead.Fleet.Fills;
using Bulkhead.Fleet.Manifest;
using Bulkhead.Fleet.Reporting;
using Bulkhead.Kraken.Venues;

namespace Bulkhead.Fleet.Tests.Reconciliation;

/// <summary>
/// An exchange's books for given fills, kept the way Kraken (and the sandbox) keeps them: each Spot fill's cost floored
/// to USD's 4 decimals, the fee as charged, funding deposited once.
/// </summary>
internal static class Books
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static MarkPrices Marks(decimal xbt = 50_000m) =>
        new(T0, new Dictionary<string, decimal> { ["XBTUSD"] = xbt, ["PF_XBTUSD"] = xbt }, new Dictionary<string, decimal> { ["XXBT"] = xbt });

    public static JournalFill Fill(string id, OrderSide side, decimal quantity, decimal price, decimal fee, string account = "mm", int second = 0) =>
        new(account, account, account + "-trader", Venue.Spot, "XBTUSD", id, "O" + id, side, quantity, price, fee, "ZUSD", T0.AddSeconds(second));

    public static VenueFill AsExchange(JournalFill f) => new(f.FillId, f.OrderId ?? string.Empty, null, f.Symbol, f.Side, f.Quantity, f.Price, f.Time, null, new VenueFee(f.Fee, f.FeeAsset));

    /// <summary>The Spot account statement the exchange would show after <paramref name="fills"/> on a deposit of 100 000 USD.</summary>
    public static AccountStatement Spot(string account, IReadOnlyList<JournalFill> fills, decimal deposit = 100_000m)
    {
        var usd = deposit;
        var xbt = 0m;
        foreach (var f in fills)
        {
            var cost = decimal.Floor(f.Quantity * f.Price * 10_000m) / 10_000m;
            usd += (f.Side == OrderSide.Buy ? -cost : cost) - f.Fee;
            xbt += f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity;
        }

        var balances = new Dictionary<string, decimal> { ["ZUSD"] = usd };
        if (xbt != 0m)
        {
            balances["XXBT"] = xbt;
        }

        return new AccountStatement(account, Venue.Spot, account == "desk", account + "-reconciler", balances,
            new Dictionary<string, decimal> { ["ZUSD"] = deposit }, [.. fills.Select(AsExchange)], [], null);
    }

    public static FleetStatement Fleet(params AccountStatement[] accounts) => new("sandbox", Marks(), [Spot("desk", []), .. accounts], null);
}
