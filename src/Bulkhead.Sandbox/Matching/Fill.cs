namespace Bulkhead.Sandbox.Matching;

/// <summary>One match between a resting (maker) order and an incoming (taker) order, at the maker's price.</summary>
/// <param name="MakerOrderId">The resting order.</param>
/// <param name="MakerOwner">The resting order's owner.</param>
/// <param name="TakerOrderId">The incoming (or amended-and-crossing) order.</param>
/// <param name="TakerOwner">The incoming order's owner.</param>
/// <param name="TakerSide">The taker's side (the maker has the other).</param>
/// <param name="Price">Trade price in ticks: the maker's price.</param>
/// <param name="Quantity">Traded lots (positive).</param>
/// <param name="MakerRemaining">Lots the maker still has after this fill (0: it left the book).</param>
/// <param name="TakerRemaining">Lots the taker still has after this fill.</param>
public readonly record struct Fill(
    long MakerOrderId,
    long MakerOwner,
    long TakerOrderId,
    long TakerOwner,
    Side TakerSide,
    long Price,
    long Quantity,
    long MakerRemaining,
    long TakerRemaining);
