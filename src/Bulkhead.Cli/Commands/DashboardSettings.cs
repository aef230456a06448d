using System.CommandLine;
using Bulkhead.Dashboard;

namespace Bulkhead.Cli.Commands;

/// <summary>
/// Where <c>bulkhead run</c> and <c>bulkhead demo</c> serve the dashboard: <c>--dashboard-bind ADDR</c> (default
/// 127.0.0.1), <c>--dashboard-token TOKEN</c> (else <c>BULKHEAD_DASHBOARD_TOKEN</c>; required off loopback) and
/// <c>--operator-token TOKEN</c> (else <c>BULKHEAD_OPERATOR_TOKEN</c>: who may act).
/// </summary>
/// <param name="Bind">The address to listen on.</param>
/// <param name="Token">The access token (null: none; only allowed on loopback).</param>
/// <param name="OperatorToken">The operator token (null: nobody acts from the dashboard).</param>
internal sealed record DashboardSettings(string Bind, string? Token, string? OperatorToken = null)
{
    /// <summary>The default: loopback, no token.</summary>
    public static DashboardSettings Loopback { get; } = new("127.0.0.1", null);

    public static Option<string?> OperatorTokenOption() =>
        new("--operator-token") { Description = $"The operator token (else {DashboardOptions.OperatorTokenVariable}): a request carrying it may halt, resume, flatten, restart and pull the kill switch; any other can only look." };

    public static Option<string?> BindOption() =>
        new("--dashboard-bind") { Description = "The address the dashboard listens on (default 127.0.0.1). Any other address needs --dashboard-token." };

    public static Option<string?> TokenOption() =>
        new("--dashboard-token") { Description = $"The dashboard's access token (else {DashboardOptions.TokenVariable}): requests need 'Authorization: Bearer TOKEN' or open /?token=TOKEN once. Required when --dashboard-bind is not a loopback address." };

    /// <summary>The settings from the command line and environment; null (message written) when they cannot be served.</summary>
    public static DashboardSettings? From(CliEnvironment environment, string command, string? bind, string? token, string? operatorToken = null)
    {
        var settings = new DashboardSettings(
            string.IsNullOrWhiteSpace(bind) ? "127.0.0.1" : bind.Trim(),
            string.IsNullOrEmpty(token) ? environment.GetVariable(DashboardOptions.TokenVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null : token,
            string.IsNullOrEmpty(operatorToken) ? environment.GetVariable(DashboardOptions.OperatorTokenVariable) is { Length: > 0 } operatorFromEnvironment ? operatorFromEnvironment : null : operatorToken);
        if (settings.OperatorToken is not null && settings.OperatorToken == settings.Token)
        {
            environment.Error.WriteLine($"bulkhead {command}: the operator token must differ from the dashboard token (a read-only token must not act)");
            return null;
        }

        try
        {
            DashboardHost.CheckBind(settings.Bind, settings.Token);
            return settings;
        }
        catch (DashboardOptionsException e)
        {
            environment.Error.WriteLine($"bulkhead {command}: {e.Message}");
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"DashboardSettings {{ Bind = {Bind}, Token = {(Token is null ? "none" : "set")}, OperatorToken = {(OperatorToken is null ? "none" : "set")} }}";
}
