using Bulkhead.Sandbox.Matching;
using Shouldly;
using Xunit;
using static Bulkhead.Sandbox.Tests.Matching.BookHarness;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>
/// Futures self-trade modes across an owner group (a master's family: owner 10 = the master's account, 11 and 12 its
/// subaccounts): CANCEL_MAKER_SELF cancels only the taker's own account's makers, CANCEL_MAKER_CHILD also lets the master
/// cancel its subaccounts' makers.
/// </summary>
public sealed class FamilySelfTradeTests
{
    private readonly BookHarness _h = new();

    private SubmitResult Rest(long id, long account, long price) =>
        _h.Book.Submit(new NewOrder(id, 10, Side.Sell, OrderKind.Limit, price, 2, Account: account), _h.Events);

    private SubmitResult Take(long id, long account, SelfTradePrevention mode) =>
        _h.Book.Submit(new NewOrder(id, 10, Side.Buy, OrderKind.Limit, 102, 6, SelfTrade: mode, Account: account), _h.Events);

    [Fact]
    public void CancelMakerSelf_OwnMakerCancelled_SiblingsStopsTheTaker()
    {
        Rest(1, 11, 100);
        Rest(2, 12, 101);
        _h.Events.Clear();

        Take(9, 11, SelfTradePrevention.CancelMakerSelf).ShouldBe(new SubmitResult(SubmitStatus.Cancelled, 0, 0));

        _h.Events.Events.ShouldBe([Cancelled(1, 2, CancelReason.SelfTrade), Cancelled(9, 6, CancelReason.SelfTrade)]);
        _h.RestingIds().ShouldBe([2L]);
    }

    [Fact]
    public void CancelMakerChild_MastersTakerCancelsSubaccountsMakers()
    {
        Rest(1, 11, 100);
        Rest(2, 12, 101);
        _h.Limit(3, 20, Side.Sell, 102, 2);
        _h.Events.Clear();

        Take(9, 10, SelfTradePrevention.CancelMakerChild).ShouldBe(new SubmitResult(SubmitStatus.PartiallyFilledRested, 2, 4));

        _h.Events.Events.ShouldBe([
            Cancelled(1, 2, CancelReason.SelfTrade),
            Cancelled(2, 2, CancelReason.SelfTrade),
            Filled(3, 20, 9, 10, Side.Buy, 102, 2, 0, 4),
            Rested(9, 4),
        ]);
    }

    [Fact]
    public void CancelMakerChild_SubaccountsTakerAgainstMastersMaker_Stops()
    {
        Rest(1, 10, 100);
        _h.Events.Clear();

        Take(9, 11, SelfTradePrevention.CancelMakerChild).ShouldBe(new SubmitResult(SubmitStatus.Cancelled, 0, 0));

        _h.RestingIds().ShouldBe([1L]);
    }
}
