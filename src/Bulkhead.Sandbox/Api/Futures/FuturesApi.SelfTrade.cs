using System.Text.Json.Nodes;
using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Api.Futures.Internal;
using Bulkhead.Sandbox.Auth;
using Bulkhead.Sandbox.Margin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Futures;

public static partial class FuturesApi
{
    /// <summary>Kraken's wire names of the self-trade strategies (futures.md §6.14).</summary>
    private static readonly (FuturesSelfTradeStrategy Strategy, string Wire)[] SelfTradeNames =
    [
        (FuturesSelfTradeStrategy.RejectTaker, "REJECT_TAKER"),
        (FuturesSelfTradeStrategy.CancelMakerSelf, "CANCEL_MAKER_SELF"),
        (FuturesSelfTradeStrategy.CancelMakerChild, "CANCEL_MAKER_CHILD"),
        (FuturesSelfTradeStrategy.CancelMakerAny, "CANCEL_MAKER_ANY"),
    ];

    /// <summary><c>GET/PUT /self-trade-strategy</c>: the strategy of the caller's account family (its master's).</summary>
    private static void MapSelfTrade(RouteGroupBuilder v3)
    {
        v3.MapGet("self-trade-strategy", Handler(context => PrivateAsync(context, FuturesScope.ReadOnly, Cost("self-trade-strategy"), call => SelfTradeStrategy(call, set: false))));
        v3.MapPut("self-trade-strategy", Handler(context => PrivateAsync(context, FuturesScope.Full, Cost("self-trade-strategy"), call => SelfTradeStrategy(call, set: true))));
    }

    private static IResult SelfTradeStrategy(FuturesCall call, bool set)
    {
        var strategy = call.Exchange.SelfTradeStrategy(call.Account.Name);
        if (set)
        {
            var text = call.Request["strategy"];
            if (text is null)
            {
                return FuturesWire.Error(call.Time, KrakenErrors.FuturesRequiredArgumentMissing);
            }

            if (SelfTradeNames.Where(n => string.Equals(n.Wire, text, StringComparison.Ordinal)).Select(n => (FuturesSelfTradeStrategy?)n.Strategy).FirstOrDefault() is not { } wanted)
            {
                return FuturesWire.Error(call.Time, $"{KrakenErrors.FuturesInvalidArgument}: strategy");
            }

            strategy = call.Exchange.SetSelfTradeStrategy(call.Account.Name, wanted).Value;
        }

        return FuturesWire.Success(call.Time, new JsonObject { ["strategy"] = SelfTradeNames.First(n => n.Strategy == strategy).Wire });
    }
}
