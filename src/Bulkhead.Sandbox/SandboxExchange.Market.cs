using Bulkhead.Sandbox.Assets;
using Bulkhead.Sandbox.Ledger;
using Bulkhead.Sandbox.Market;
using Bulkhead.Sandbox.Trading;

namespace Bulkhead.Sandbox;

/// <summary>What the market and the public market-data endpoints read from (and book into) the trading core.</summary>
public sealed partial class SandboxExchange
{
    /// <summary>The best <paramref name="levels"/> levels of each side of <paramref name="symbol"/>'s book (0: all), best first, as prices and volumes.</summary>
    internal void MarketDepth(TradingVenue venue, string symbol, int levels, List<MarketLevel> bids, List<MarketLevel> asks)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        bids.Clear();
        asks.Clear();
        var (bookBids, bookAsks) = Depth(venue, symbol, levels == 0 ? int.MaxValue : levels);
        foreach (var level in bookBids)
        {
            bids.Add(new MarketLevel(level.Price, level.Quantity));
        }

        foreach (var level in bookAsks)
        {
            asks.Add(new MarketLevel(level.Price, level.Quantity));
        }
    }

    /// <summary>Appends the public side (the taker's) of every fill committed after <paramref name="afterSequence"/>; answers the last trade sequence seen.</summary>
    internal long PublicFillsAfter(long afterSequence, List<PublicFill> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        lock (_gate)
        {
            return _trading.PublicFillsAfter(afterSequence, into);
        }
    }

    /// <summary>
    /// Tops a system account (<c>@market</c>, <c>@noise</c>) up to <paramref name="target"/> of <paramref name="asset"/> in
    /// <paramref name="wallet"/> by a deposit from <see cref="SystemAccounts.External"/> (so conservation holds) when its
    /// balance has fallen below half the target; answers the refid, or null when nothing was needed.
    /// </summary>
    internal string? TopUpSystemAccount(string account, Wallet wallet, string asset, decimal target)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.StartsWith('@') || account == SystemAccounts.External || account == SystemAccounts.Fees)
        {
            throw new ArgumentException($"'{account}' is not a market system account.", nameof(account));
        }

        var known = AssetCatalog.Find(asset) ?? throw new ArgumentException($"Unknown asset '{asset}'.", nameof(asset));
        lock (_gate)
        {
            var balance = _ledger.Balance(account, wallet, known.Id);
            var amount = decimal.Round(target - balance, known.Decimals, MidpointRounding.ToZero);
            if (balance >= target / 2m || amount <= 0m)
            {
                return null;
            }

            var posted = Post(LedgerEntryType.Deposit, (SystemAccounts.External, wallet, known.Id, -amount), (account, wallet, known.Id, amount));
            return posted.Success ? posted.Value : null;
        }
    }

    /// <summary>Open interest of a Futures instrument: the sum of every account's long position (equal to the shorts'), in contracts.</summary>
    internal decimal OpenInterest(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        lock (_gate)
        {
            return _margin.OpenInterest(symbol);
        }
    }
}
