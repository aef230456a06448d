using Bulkhead.Fleet.Reporting;
using Spectre.Console;
using static Bulkhead.Cli.Commands.FleetReadSupport;

namespace Bulkhead.Cli.Commands;

/// <summary>The text tables of <c>bulkhead report</c>.</summary>
internal static class ReportTables
{
    public static void Print(IAnsiConsole console, TextWriter output, FleetReport report, string view)
    {
        switch (view)
        {
            case "balances":
                Balances(console, report);
                output.WriteLine($"consolidated equity {Usd(report.Consolidated.EquityUsd)} USD (master + {report.Accounts.Count(a => !a.IsMaster)} subaccounts), net deposits {Usd(report.Consolidated.NetFlowsUsd)} USD");
                break;
            case "pnl":
                Pnl(console, report);
                output.WriteLine($"consolidated P&L {Usd(report.Consolidated.PnlUsd)} USD (journal: realised {Usd(report.Consolidated.RealisedUsd)}, unrealised {Usd(report.Consolidated.UnrealisedUsd)}, fees {Usd(report.Consolidated.FeesUsd)}); exchange books {Usd(report.Consolidated.ExchangePnlUsd)} USD, of which funding {Usd(report.Consolidated.FundingUsd)} and other bookings {Usd(report.Consolidated.OtherBookingsUsd)}");
                break;
            case "fees":
                Fees(output, report);
                break;
            default:
                Risk(console, output, report);
                break;
        }
    }

    private static void Balances(IAnsiConsole console, FleetReport report)
    {
        var table = new Table().AddColumns("account", "venue", "asset", "quantity", "USD / unit", "value USD");
        foreach (var account in report.Accounts)
        {
            foreach (var line in account.Balances)
            {
                table.AddRow(Markup.Escape(account.Account), account.Venue.ToString(), Markup.Escape(line.Asset), Number(line.Quantity), Number(line.UsdPerUnit), Usd(line.ValueUsd));
            }

            if (account.UnrealisedUsd != 0m)
            {
                table.AddRow(Markup.Escape(account.Account), account.Venue.ToString(), "open P&L", string.Empty, string.Empty, Usd(account.UnrealisedUsd));
            }

            table.AddRow(Markup.Escape(account.Account) + (account.IsMaster ? " (master)" : string.Empty), string.Empty, "total", string.Empty, string.Empty, Usd(account.EquityUsd));
        }

        console.Write(table);
    }

    private static void Pnl(IAnsiConsole console, FleetReport report)
    {
        var table = new Table().AddColumns("strategy", "account", "symbol", "position", "avg cost", "mark", "realised", "unrealised", "fees", "P&L USD", "fills");
        foreach (var s in report.Strategies)
        {
            foreach (var p in s.Positions)
            {
                table.AddRow(Markup.Escape(s.Strategy), Markup.Escape(s.Account), Markup.Escape(p.Symbol), Number(p.Position), Number(decimal.Round(p.AverageCost, 2)), Number(p.Mark),
                    Usd(p.RealisedUsd), Usd(p.UnrealisedUsd), Usd(p.FeesUsd), Usd(p.PnlUsd), $"{p.Fills}");
            }

            table.AddRow(Markup.Escape(s.Strategy), Markup.Escape(s.Account), "total", string.Empty, string.Empty, string.Empty,
                Usd(s.RealisedUsd), Usd(s.UnrealisedUsd), Usd(s.FeesUsd), Usd(s.PnlUsd), $"{s.Fills}");
        }

        console.Write(table);
        var accounts = new Table().AddColumns("account", "equity USD", "net deposits USD", "exchange P&L USD", "funding USD", "other bookings USD");
        foreach (var a in report.Accounts)
        {
            accounts.AddRow(Markup.Escape(a.Account) + (a.IsMaster ? " (master)" : string.Empty), Usd(a.EquityUsd), Usd(a.NetFlowsUsd), Usd(a.ExchangePnlUsd), Usd(a.FundingUsd), Usd(a.OtherBookingsUsd));
        }

        console.Write(accounts);
    }

    private static void Fees(TextWriter output, FleetReport report)
    {
        if (report.Fees is not { } fees)
        {
            output.WriteLine("no Spot pair is traded: no fee tier to report");
            return;
        }

        output.WriteLine($"30-day volume (master + subaccounts): {Usd(fees.Volume30d)} {fees.Currency}");
        output.WriteLine($"fee tier on {fees.Pair}: taker {Number(fees.TakerPercent)} %{(fees.MakerPercent is { } maker ? $", maker {Number(maker)} %" : string.Empty)}{(fees.TierVolume is { } tier ? $" (tier from {Usd(tier)})" : string.Empty)}");
        output.WriteLine(fees.NextTierVolume is { } next
            ? $"next tier at {Usd(next)}: taker {Number(fees.NextTakerPercent ?? 0m)} %; {Usd(fees.VolumeToNextTier ?? 0m)} more volume to reach it"
            : "top tier reached");
    }

    private static void Risk(IAnsiConsole console, TextWriter output, FleetReport report)
    {
        if (report.Risk.Count == 0)
        {
            output.WriteLine("no Futures subaccount");
            return;
        }

        var table = new Table().AddColumns("account", "portfolio USD", "initial margin", "maintenance", "available", "margin level", "symbol", "size", "entry", "mark", "liquidation", "distance");
        foreach (var r in report.Risk)
        {
            var level = r.MarginLevel is { } l ? Number(l) : "-";
            if (r.Positions.Count == 0)
            {
                table.AddRow(Markup.Escape(r.Account), Usd(r.PortfolioValueUsd), Usd(r.InitialMarginUsd), Usd(r.MaintenanceMarginUsd), Usd(r.AvailableMarginUsd), level, "flat", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
            }

            foreach (var p in r.Positions)
            {
                table.AddRow(Markup.Escape(r.Account), Usd(r.PortfolioValueUsd), Usd(r.InitialMarginUsd), Usd(r.MaintenanceMarginUsd), Usd(r.AvailableMarginUsd), level,
                    Markup.Escape(p.Symbol), Number(p.Size), Number(p.EntryPrice), Number(p.Mark),
                    p.LiquidationPrice is { } lp ? Usd(lp) : "none", p.DistanceUsd is { } d ? $"{Usd(d)} ({Number(p.DistancePercent ?? 0m)} %)" : "-");
            }
        }

        console.Write(table);
    }
}
