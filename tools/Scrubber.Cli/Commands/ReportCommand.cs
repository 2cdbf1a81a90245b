using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl report</c>: the feedback reports from the running service, as a table, CSV or JSON.</summary>
internal sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Summary => "Print a feedback report: overridden-then-denied, missed, weekly, kpis, patterns.";

    public string Help =>
        $"""
        Usage: scrubctl report <name> [--format table|csv|json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--week 2026-W33]
                                      [--payer ID] [--provider NPI] [--server URL] [--api-key KEY]

        Reports:
          overridden-then-denied  edits overridden (by modifier, by acceptance, forced) whose line came back CO-97/236,
                                  by code pair, payer, provider, modifier and week, with the modifier's success rate
          missed                  CO-97/236 denials on lines the scrubber passed with no edit: the gaps in the tables and packs
          weekly                  the weekly CO-97 dashboard: one row per week and code pair, repeat offenders flagged
                                  with the action they call for (--repeat-threshold N, default the service setting)
          kpis                    CO-97 share of charges and of denials by month, top 10 pairs by dollars, overturn
                                  rates, days to resolution, written-off dollars (preventable, contestable)
          patterns                per payer and pair: always bundled, conditionally payable, inappropriately denied

        Dates are the remittance payment dates. --week replaces --from/--to.

        {ServiceConnection.HelpText}
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["format", "from", "to", "week", "payer", "provider", "repeat-threshold", .. ServiceConnection.Options];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("Give one report name.");
        }

        var format = OutputFormat.Parse(args.Option("format"), OutputFormat.Table, OutputFormat.Csv, OutputFormat.Json);
        var request = new ReportRequest
        {
            From = args.Option("from") ?? string.Empty,
            To = args.Option("to") ?? string.Empty,
            IsoWeek = args.Option("week") ?? string.Empty,
            PayerId = args.Option("payer") ?? string.Empty,
            ProviderNpi = args.Option("provider") ?? string.Empty,
            RepeatThreshold = args.PositiveInt("repeat-threshold", 0),
        };
        using var channel = ServiceConnection.Open(args);
        var client = new Feedback.FeedbackClient(channel);
        try
        {
            var output = args.Positionals[0] switch
            {
                "overridden-then-denied" => Render(await client.OverriddenThenDeniedAsync(request, cancellationToken: cancellationToken), r => r.Rows, format,
                [
                    ("Column 1", r => r.Column1Code), ("Column 2", r => r.Column2Code), ("Payer", r => r.PayerId), ("Provider", r => r.ProviderNpi),
                    ("Modifier", r => r.ModifierUsed), ("Week", r => r.IsoWeek), ("Fate", r => r.Fate), ("Denied", r => Number(r.Denied)),
                    ("Dollars", r => r.DollarsDenied), ("Paid same override", r => Number(r.PaidWithSameOverride)),
                    ("Success rate", r => r.SuccessRate.ToString("P0", CultureInfo.InvariantCulture)),
                ]),
                "missed" => Render(await client.MissedAsync(request, cancellationToken: cancellationToken), r => r.Rows, format,
                [
                    ("Payer", r => r.PayerId), ("Code", r => r.ProcedureCode), ("Modifiers", r => r.Modifiers), ("Provider", r => r.ProviderNpi),
                    ("Week", r => r.IsoWeek), ("Denied", r => Number(r.Denied)), ("Dollars", r => r.DollarsDenied), ("Claim/line", r => string.Join(' ', r.ClaimLines)),
                ]),
                "weekly" => Render(await client.WeeklyDashboardAsync(request, cancellationToken: cancellationToken), r => r.Rows, format,
                [
                    ("Week", r => r.IsoWeek), ("Column 1", r => r.Column1Code), ("Column 2", r => r.Column2Code), ("Count", r => Number(r.Occurrences)),
                    ("Indicator", r => r.ModifierIndicator), ("Primary provider", r => $"{r.PrimaryProviderNpi} ({r.PrimaryProviderShare.ToString("P0", CultureInfo.InvariantCulture)})"),
                    ("Payers", r => Tally(r.Payers)), ("Dollars", r => r.DollarsDenied), ("Root cause", r => r.RootCause),
                    ("Resolution", r => Tally(r.Resolutions)), ("Repeat", r => r.RepeatOffender ? "REPEAT" : string.Empty), ("Action", r => r.Action),
                ]),
                "kpis" => Kpis(await client.KpisAsync(request, cancellationToken: cancellationToken), format),
                "patterns" => Render(await client.PatternsAsync(request, cancellationToken: cancellationToken), r => r.Rows, format,
                [
                    ("Payer", r => r.PayerId), ("Column 1", r => r.Column1Code), ("Column 2", r => r.Column2Code), ("Pattern", r => r.Pattern),
                    ("Paid", r => Number(r.Paid)), ("Denied", r => Number(r.Denied)), ("Paid with modifier", r => Number(r.PaidWithModifier)),
                ]),
                var other => throw new UsageException($"Unknown report '{other}'; see --help."),
            };
            await console.Out.WriteLineAsync(output).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (RpcException ex)
        {
            return await ServiceConnection.ReportQueryFailureAsync(ex, channel.Target, console).ConfigureAwait(false);
        }
    }

    private static string Render<TReport, TRow>(TReport report, Func<TReport, IReadOnlyList<TRow>> rows, string format, (string, Func<TRow, string>)[] columns)
        where TReport : IMessage =>
        format == OutputFormat.Json ? JsonFormatter.Default.Format(report) : TableWriter.Write(rows(report), columns, format);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Tally(IDictionary<string, int> counts) => string.Join(' ', counts.Select(kv => $"{kv.Key}:{kv.Value}"));

    /// <summary>The KPI report holds several tables; table and CSV print them one after another with a title each.</summary>
    private static string Kpis(KpiReport report, string format)
    {
        if (format == OutputFormat.Json)
        {
            return JsonFormatter.Default.Format(report);
        }

        var percent = (double d) => d.ToString("P1", CultureInfo.InvariantCulture);
        return string.Join("\n\n",
            "CO-97 by month\n" + TableWriter.Write(report.Months, [("Month", m => m.Month), ("CO-97 $", m => m.BundlingDollars), ("Charges $", m => m.Charges),
                ("Share of charges", m => percent(m.ShareOfCharges)), ("CO-97 denials", m => Number(m.BundlingDenials)), ("All denials", m => Number(m.AllDenials)),
                ("Share of denials", m => percent(m.ShareOfDenials))], format),
            "Top pairs by dollars\n" + TableWriter.Write(report.TopPairs, [("Column 1", p => p.Column1Code), ("Column 2", p => p.Column2Code), ("Payer", p => p.PayerId),
                ("Denied", p => Number(p.Denied)), ("Dollars", p => p.DollarsDenied)], format),
            "Overturn rate\n" + TableWriter.Write(report.Overturns, [("Payer", o => o.PayerId), ("Scenario", o => o.Scenario), ("Contested", o => Number(o.Contested)),
                ("Recovered", o => Number(o.Recovered)), ("Rate", o => percent(o.Rate))], format),
            $"Average days from denial to resolution: {report.AverageDaysToResolution.ToString("F1", CultureInfo.InvariantCulture)}\n" +
            $"Written off: preventable {report.WrittenOffPreventable}, contestable {report.WrittenOffContestable}");
    }
}
