using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>The opening checks of every Spot private method: <c>params</c> present with only the method's fields, then the token.</summary>
internal static class SocketParams
{
    /// <summary>False (answered) when <c>params</c> is missing or holds a field not in <paramref name="allowed"/>.</summary>
    public static bool Check(SocketCall call, params ReadOnlySpan<string> allowed)
    {
        if (!call.Request.HasParams)
        {
            call.Fail(SocketErrors.InvalidField("params"));
            return false;
        }

        if (call.Unsupported(allowed) is { } unsupported)
        {
            call.Fail(SocketErrors.UnsupportedField(unsupported));
            return false;
        }

        return true;
    }

    /// <summary>
    /// The token check with the permission of REST <paramref name="restMethod"/>: the account the token acts for, or false
    /// (answered). System accounts never act through a socket.
    /// </summary>
    public static bool Authorized(SocketCall call, string restMethod, out string account)
    {
        var grant = call.Authorize(restMethod);
        account = grant.Account?.Name ?? string.Empty;
        if (grant.Success && account.StartsWith('@'))
        {
            call.Fail(KrakenErrors.PermissionDenied);
            return false;
        }

        return grant.Success;
    }
}
