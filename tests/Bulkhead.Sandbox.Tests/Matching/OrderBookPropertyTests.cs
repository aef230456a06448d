using Bulkhead.Sandbox.Matching;
using CsCheck;
using Shouldly;
using Xunit;

namespace Bulkhead.Sandbox.Tests.Matching;

/// <summary>Invariants of the engine over random command sequences (owners, prices and sides chosen to collide).</summary>
public sealed class OrderBookPropertyTests
{
    private static readonly Gen<BookCommand[]> Commands = BookCommand.Gen.Array[1, 150];

    [Fact]
    public void AnyCommands_BookNeverCrossed_DepthMatchesOrders_TimePrioritySorted() =>
        Commands.Sample(commands =>
        {
            var runner = new BookRunner();
            foreach (var command in commands)
            {
                runner.Run(command);
                runner.Book.IsCrossed.ShouldBeFalse();
                BookShape.ShouldBeConsistent(runner.Book);
            }
        });

    [Fact]
    public void AnyCommandsOnManyLevels_StructureHoldsThroughTombstonesAndCompaction() =>
        BookCommand.Wide.Array[100, 800].Sample(
            commands =>
            {
                var runner = new BookRunner();
                foreach (var command in commands)
                {
                    runner.Run(command);
                    runner.Book.IsCrossed.ShouldBeFalse();
                    BookShape.ShouldBeConsistent(runner.Book);
                }
            },
            iter: 50);

    [Fact]
    public void AnyCommands_QuantityConserved_PerOrderAndPerFill() =>
        Commands.Sample(commands =>
        {
            var runner = new BookRunner();
            var ledger = new QuantityLedger();
            foreach (var command in commands)
            {
                ledger.Before(runner, command);
                var from = runner.Events.Events.Count;
                runner.Run(command);
                ledger.After(runner, runner.Events.Events.Skip(from), runner.Results[^1]);
            }
        });

    [Fact]
    public void AnyCommands_FillsWalkBestPriceThenOldest() =>
        Commands.Sample(commands =>
        {
            var runner = new BookRunner();
            foreach (var command in commands)
            {
                var queue = PriorityCheck.Before(runner, command);
                var from = runner.Events.Events.Count;
                runner.Run(command);
                queue?.ShouldHaveBeenWalked(runner, runner.Events.Events.Skip(from).ToList());
            }
        });

    [Fact]
    public void AnyCommands_ReplayIntoAFreshBook_IdenticalEventsAndBook() =>
        Commands.Sample(commands =>
        {
            var first = BookRunner.Replay(commands);
            var second = BookRunner.Replay(commands);

            second.Events.Events.ShouldBe(first.Events.Events);
            second.Results.ShouldBe(first.Results);
            second.Book.Orders().ToArray().ShouldBe(first.Book.Orders().ToArray());
        });

    [Fact]
    public void AnySubmit_SweepPredictsWhatItFills() =>
        Commands.Sample(commands =>
        {
            var runner = new BookRunner();
            foreach (var command in commands)
            {
                if (runner.NextOrder(command) is not { PostOnly: false } order)
                {
                    runner.Run(command);
                    continue;
                }

                long? limit = order.Kind == OrderKind.Market ? null : order.Price;
                var skipping = runner.Book.Sweep(order.Side, order.Quantity, limit, order.Owner);
                var plain = runner.Book.Sweep(order.Side, order.Quantity, limit);
                var ownOpposite = runner.Book.Orders().Any(o => o.Owner == order.Owner && o.Side != order.Side);
                var from = runner.Events.Events.Count;
                runner.Run(command);
                var fills = runner.Events.Events.Skip(from).Where(e => e.Fill is not null).Select(e => e.Fill!.Value).ToList();
                var actual = new SweepEstimate(fills.Sum(f => f.Quantity), fills.Sum(f => (decimal)f.Price * f.Quantity), fills.Count == 0 ? 0 : fills[^1].Price);
                if (order.SelfTrade == SelfTradePrevention.CancelOldest)
                {
                    actual.ShouldBe(skipping);
                }
                else if (!ownOpposite)
                {
                    actual.ShouldBe(plain);
                }
                else
                {
                    actual.Quantity.ShouldBeLessThanOrEqualTo(skipping.Quantity);
                }
            }
        });
}
