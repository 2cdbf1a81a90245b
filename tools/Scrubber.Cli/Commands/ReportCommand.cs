using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl report</c>: the feedback reports from the running service, as a table, CSV or JSON.</summary>
internal sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Summary => "Print a feedback report: overridden-then-denied, missed.";

    public string Help =>
        $"""
        Usage: scrubctl report <name> [--format table|csv|json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--week 2026-W33]
                                      [--payer ID] [--provider NPI] [--server URL]

        Reports:
          overridden-then-denied  edits overridden (by modifier, by acceptance, forced) whose line came back CO-97/236,
                                  by code pair, payer, provider, modifier and week, with the modifier's success rate
          missed                  CO-97/236 denials on lines the scrubber passed with no edit: the gaps in the tables and packs

        Dates are the remittance payment dates. --week replaces --from/--to.

        {ServiceConnection.HelpText}
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["format", "from", "to", "week", "payer", "provider", "server"];

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
                var other => throw new UsageException($"Unknown report '{other}'; see --help."),
            };
            await console.Out.WriteLineAsync(output).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            await console.Error.WriteLineAsync(ex.Status.Detail).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (RpcException ex)
        {
            return await ServiceConnection.ReportAsync(ex, channel.Target, console).ConfigureAwait(false);
        }
    }

    private static string Render<TReport, TRow>(TReport report, Func<TReport, IReadOnlyList<TRow>> rows, string format, (string, Func<TRow, string>)[] columns)
        where TReport : IMessage =>
        format == OutputFormat.Json ? JsonFormatter.Default.Format(report) : TableWriter.Write(rows(report), columns, format);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
