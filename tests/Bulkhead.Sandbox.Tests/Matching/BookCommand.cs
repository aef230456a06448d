using Bulkhead.Sandbox.Matching;
using CsCheck;

namespace Bulkhead.Sandbox.Tests.Matching;

internal enum BookCommandKind
{
    Submit,
    Cancel,
    Amend,
}

/// <summary>
/// A random command for property tests. Ids are assigned by the runner in submit order; cancel and amend pick one of
/// the ids submitted so far (live or not) with <see cref="Pick"/>, so a command list replays identically.
/// </summary>
internal sealed record BookCommand(
    BookCommandKind Kind, long Owner, Side Side, OrderKind OrderKind, long Price, long Quantity, TimeInForce TimeInForce,
    bool PostOnly, SelfTradePrevention SelfTrade, int Pick)
{
    /// <summary>Owners 1..4, prices 90..110 (so books cross often), quantities 1..20; 60 % submits.</summary>
    public static readonly Gen<BookCommand> Gen = Make(90, 110);

    /// <summary>Prices 1..400: many levels, so empty levels pile up behind the best (tombstones, compaction).</summary>
    public static readonly Gen<BookCommand> Wide = Make(1, 400);

    private static Gen<BookCommand> Make(int minPrice, int maxPrice) =>
        CsCheck.Gen.Select(CsCheck.Gen.Int[0, 9], CsCheck.Gen.Int[1, 4], CsCheck.Gen.Int[0, 1], CsCheck.Gen.Int[minPrice, maxPrice], CsCheck.Gen.Int[1, 20], CsCheck.Gen.Int[0, 23], CsCheck.Gen.Int[0, 1_000])
            .Select((kind, owner, side, price, quantity, flags, pick) => new BookCommand(
                kind < 6 ? BookCommandKind.Submit : kind < 8 ? BookCommandKind.Cancel : BookCommandKind.Amend,
                owner,
                side == 0 ? Side.Buy : Side.Sell,
                flags % 8 == 7 ? OrderKind.Market : OrderKind.Limit,
                price,
                quantity,
                flags % 8 == 5 ? TimeInForce.ImmediateOrCancel : TimeInForce.GoodTillCancelled,
                flags % 8 == 6,
                (SelfTradePrevention)(flags / 8),
                pick));
}
