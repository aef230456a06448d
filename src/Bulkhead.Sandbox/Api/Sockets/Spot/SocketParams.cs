using Bulkhead.Kraken.Errors;

namespace Bulkhead.Sandbox.Api.Sockets.Spot;

/// <summary>The token check of every Spot private method (after <see cref="SocketCall.CheckParams"/>).</summary>
internal static class SocketParams
{
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
