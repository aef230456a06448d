using Bulkhead.Kraken.Errors;
using Bulkhead.Sandbox.Accounts;

namespace Bulkhead.Sandbox.Api.Sockets.Unified;

/// <summary>
/// The common start of every Unified private request: <c>params</c> holds only the request's fields, market-facing
/// requests carry <c>asset_class: "derivatives"</c>, and <c>params.token</c> grants the permission of the equivalent Spot
/// REST method on its key's (sub)account.
/// </summary>
internal static class UnifiedRequest
{
    /// <summary>
    /// Validates and authorizes; the account the token acts on, or null after answering the error.
    /// <paramref name="fields"/> are the allowed <c>params</c> members besides <c>token</c> (and <c>channel</c> for
    /// subscriptions). <c>asset_class</c> is required when <paramref name="assetClass"/>, else optional; either way only
    /// <c>derivatives</c> is served.
    /// </summary>
    public static SandboxAccount? Begin(SocketCall call, string restMethod, bool assetClass, params ReadOnlySpan<string> fields)
    {
        Span<string> allowed = [.. fields, "channel", "token", "asset_class"];
        if (call.Unsupported(allowed) is { } unsupported)
        {
            call.Fail(SocketErrors.UnsupportedField(unsupported));
            return null;
        }

        var value = call.String("asset_class", out var ok);
        if (!ok || (value is null && assetClass))
        {
            call.Fail(SocketErrors.InvalidField("params.asset_class"));
            return null;
        }

        if (value is not null && value != UnifiedWire.Derivatives)
        {
            call.Fail(SocketErrors.UnsupportedField("asset_class"));
            return null;
        }

        var grant = call.Authorize(restMethod);
        return grant.Success ? grant.Account : null;
    }

    /// <summary>
    /// The common unsubscribe of a private channel (one subscription per connection): only known fields, then the
    /// subscription ends (its token is released) and the ack names the channel.
    /// </summary>
    public static void Unsubscribe(SocketCall call, string channel, params ReadOnlySpan<string> fields)
    {
        Span<string> allowed = [.. fields, "channel", "token", "asset_class"];
        if (call.Unsupported(allowed) is { } unsupported)
        {
            call.Fail(SocketErrors.UnsupportedField(unsupported));
            return;
        }

        PrivateChannel.Unsubscribe(call, channel);
    }

    /// <summary>Starts a private subscription of <paramref name="account"/> on the connection under the channel's name; null (answered) if one exists.</summary>
    public static AccountStream? Start(SocketCall call, string channel, string account, AccountRegistry<AccountStream> streams, string alreadySubscribed, object? options = null) =>
        PrivateChannel.Start(call, channel, streams, alreadySubscribed, () => new AccountStream(call.Connection, account, call.String("token", out _)!, call.Hub.Tokens) { Options = options });
}
