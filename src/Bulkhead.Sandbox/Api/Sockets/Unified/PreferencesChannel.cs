using System.Text.Json;
using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// Unified <c>preferences</c> (a snapshot, then the whole state again after each change) and the method
/// <c>set_preference</c> (<c>leverage_mode {symbol, max_leverage}</c>: a number for a fixed maximum leverage, an explicit
/// null for cross margin; omitting it is refused). The preference lives in the exchange
/// (<see cref="SandboxExchange.SetLeveragePreference"/>); margin does not read it yet.
/// </summary>
internal sealed class PreferencesChannel(SocketHub hub) : ISocketChannel
{
    private readonly AccountRegistry<AccountStream> _streams = new();

    public string Name => "preferences";

    public void Subscribe(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "TradeBalance", assetClass: false) is not { } account
            || UnifiedRequest.Start(call, Name, account.Name, _streams, SocketErrors.AlreadySubscribed) is not { } stream)
        {
            return;
        }

        PrivateChannel.Ack(call, Name);
        stream.Open(Frame(account.Name, "snapshot"));
    }

    public void Unsubscribe(SocketCall call) => UnifiedRequest.Unsubscribe(call, Name);

    /// <summary><c>set_preference</c> → <c>{leverage_mode: {symbol, max_leverage}}</c>; subscribers of the account get the new state.</summary>
    public void SetPreference(SocketCall call)
    {
        if (UnifiedRequest.Begin(call, "AddOrder", assetClass: true, "leverage_mode") is not { } account)
        {
            return;
        }

        if (!call.Params.TryGetProperty("leverage_mode", out var mode) || mode.ValueKind != JsonValueKind.Object)
        {
            call.Fail(SocketErrors.InvalidField("params.leverage_mode"));
            return;
        }

        foreach (var property in mode.EnumerateObject())
        {
            if (property.Name is not ("symbol" or "max_leverage"))
            {
                call.Fail(SocketErrors.UnsupportedField("leverage_mode." + property.Name));
                return;
            }
        }

        if (!mode.TryGetProperty("symbol", out var symbolValue) || symbolValue.ValueKind != JsonValueKind.String)
        {
            call.Fail(SocketErrors.InvalidField("params.leverage_mode.symbol"));
            return;
        }

        var symbol = symbolValue.GetString()!;
        if (SocketInstrument.Find(symbol, unified: true) is not { } instrument)
        {
            call.Fail(SocketErrors.Unknown("params.leverage_mode.symbol"));
            return;
        }

        decimal? leverage = null;
        if (!mode.TryGetProperty("max_leverage", out var value)
            || (value.ValueKind != JsonValueKind.Null && (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out _))))
        {
            call.Fail(SocketErrors.InvalidField("params.leverage_mode.max_leverage"));
            return;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            leverage = value.GetDecimal();
        }

        var set = hub.Exchange.SetLeveragePreference(account.Name, instrument.Id, leverage);
        if (!set.Success)
        {
            call.Fail(set.Rejection == SandboxRejection.InvalidAmount ? SocketErrors.LeverageOutOfRange : SocketErrors.Unknown("params.leverage_mode.symbol"));
            return;
        }

        call.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("leverage_mode");
            w.WriteString("symbol", instrument.Symbol);
            if (leverage is { } fixedLeverage)
            {
                w.WriteNumber("max_leverage", fixedLeverage);
            }
            else
            {
                w.WriteNull("max_leverage");
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
        foreach (var stream in _streams.Of(account.Name))
        {
            stream.Post(Frame(account.Name, "update"));
        }
    }

    private Func<long, byte[]> Frame(string account, string type)
    {
        var enabled = hub.Exchange.FindAccount(account)?.FuturesTradingEnabled ?? false;
        var leverage = hub.Exchange.LeveragePreferences(account);
        return sequence => SocketFrames.Channel(Name, type, w => UnifiedWire.Preferences(w, enabled, leverage), sequence, hub.Time.GetUtcNow());
    }
}
