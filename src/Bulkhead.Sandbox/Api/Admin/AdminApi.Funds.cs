using Bulkhead.Sandbox.Api.Admin.Internal;
using Bulkhead.Sandbox.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bulkhead.Sandbox.Api.Admin;

public static partial class AdminApi
{
    private static void MapFunds(RouteGroupBuilder admin)
    {
        admin.MapPost("/deposits", (HttpContext http, CancellationToken cancellationToken) => MoveAsync(http, Movement.Deposit, cancellationToken));
        admin.MapPost("/withdrawals", (HttpContext http, CancellationToken cancellationToken) => MoveAsync(http, Movement.Withdrawal, cancellationToken));
        admin.MapPost("/transfers", (HttpContext http, CancellationToken cancellationToken) => MoveAsync(http, Movement.Transfer, cancellationToken));
        admin.MapGet("/ledger", (HttpContext http, string? account, string? refid) =>
        {
            var exchange = Exchange(http);
            if (account is not null && exchange.FindAccount(account) is null && !account.StartsWith('@'))
            {
                return UnknownAccount(account);
            }

            IEnumerable<LedgerEntry> entries = refid is not null ? exchange.Movement(refid) : exchange.AllEntries();
            return AdminViews.Ok(entries.Where(e => account is null || e.Account == account).Select(AdminViews.Entry).ToArray());
        });
    }

    private static async Task<IResult> MoveAsync(HttpContext http, Movement movement, CancellationToken cancellationToken)
    {
        var (body, problem) = await AdminBody.ReadAsync(http.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, problem!);
        }

        var from = body.String(movement == Movement.Transfer ? "from" : "account", required: true);
        var to = movement == Movement.Transfer ? body.String("to", required: true) : null;
        var asset = body.String("asset", required: true);
        var amount = body.Decimal("amount", required: true);
        var walletText = body.String("wallet", required: false);
        var fromWalletText = body.String("fromWallet", required: false) ?? walletText;
        var toWalletText = body.String("toWallet", required: false) ?? walletText;
        if (body.Problem is not null)
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, body.Problem);
        }

        if (!AdminViews.TryParseWallet(fromWalletText, out var fromWallet))
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, AdminViews.WalletProblem(movement == Movement.Transfer ? "fromWallet" : "wallet", fromWalletText));
        }

        if (!AdminViews.TryParseWallet(toWalletText, out var toWallet))
        {
            return AdminViews.Error(StatusCodes.Status400BadRequest, AdminViews.WalletProblem("toWallet", toWalletText));
        }

        var exchange = Exchange(http);
        var result = movement switch
        {
            Movement.Deposit => exchange.Deposit(from!, fromWallet, asset!, amount!.Value),
            Movement.Withdrawal => exchange.Withdraw(from!, fromWallet, asset!, amount!.Value),
            _ => exchange.Transfer(from!, fromWallet, to!, toWallet, asset!, amount!.Value),
        };
        if (!result.Success)
        {
            return AdminViews.Refused(result.Rejection.Value, result.Detail);
        }

        return AdminViews.Ok(new
        {
            refid = result.Value,
            entries = exchange.Movement(result.Value).Select(AdminViews.Entry).ToArray(),
        });
    }

    private enum Movement
    {
        Deposit,
        Withdrawal,
        Transfer,
    }
}
