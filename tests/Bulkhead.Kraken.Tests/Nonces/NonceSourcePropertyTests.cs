using Bulkhead.Kraken.Nonces;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bulkhead.Kraken.Tests.Nonces;

public sealed class NonceSourcePropertyTests
{
    private const string ApiKey = "PropertyKey-0123456789";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private enum Step
    {
        Draw,
        Advance,
        StepBack,
        Restart,
        Crash,
    }

    private readonly record struct Operation(Step Step, long Amount);

    private static readonly Gen<Operation> Operations =
        Gen.Select(Gen.Enum<Step>(), Gen.Long[0, 3_600_000], (step, amount) => new Operation(step, amount));

    private static readonly Gen<(NonceUnit Unit, long ReserveMs, Operation[] Script)> Scenarios =
        Gen.Select(Gen.Enum<NonceUnit>(), Gen.Long[1, 60_000], Operations.Array[1, 60]);

    [Fact]
    public void Next_RandomClockStepsRestartsAndCrashes_AlwaysAboveEveryPreviousNonce() =>
        Scenarios.Sample(scenario =>
        {
            using var dir = new TempDirectory();
            var time = new FakeTimeProvider(Start);
            var options = new NonceOptions { Unit = scenario.Unit, ReserveAhead = TimeSpan.FromMilliseconds(scenario.ReserveMs) };
            var store = FileNonceStore.Open(dir.Path, ApiKey, time);
            var source = new NonceSource(store, options, time);
            var highest = long.MinValue;
            try
            {
                foreach (var (step, amount) in scenario.Script)
                {
                    switch (step)
                    {
                        case Step.Draw:
                            for (var i = 0; i <= amount % 20; i++)
                            {
                                var nonce = source.Next();
                                if (nonce <= highest)
                                {
                                    throw new InvalidOperationException($"nonce {nonce} is not above {highest}");
                                }

                                highest = nonce;
                            }

                            break;
                        case Step.Advance:
                            time.Advance(TimeSpan.FromMilliseconds(amount % 120_000));
                            break;
                        case Step.StepBack:
                            time.AdjustTime(time.GetUtcNow() - TimeSpan.FromMilliseconds(amount));
                            break;
                        case Step.Restart or Step.Crash:
                            if (step == Step.Restart)
                            {
                                source.Dispose();
                            }
                            else
                            {
                                store.SimulateCrash();
                            }

                            store = FileNonceStore.Open(dir.Path, ApiKey, time);
                            source = new NonceSource(store, options, time);
                            break;
                    }
                }
            }
            finally
            {
                source.Dispose();
            }
        }, iter: 200);
}
