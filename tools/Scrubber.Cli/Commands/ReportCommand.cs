using System.CommandLine;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl report</c>: the feedback reports from the running service, as a table, CSV or JSON.</summary>
internal sealed class ReportCommand : CliCommand
{
    /// <summary>The denial families the service reports on (ReportRequest.families).</summary>
    public static readonly string[] Families = ["bundling", "units", "add_on", "duplicate", "modifier", "other"];

    private static readonly string[] Names = ["overridden-then-denied", "missed", "weekly", "kpis", "patterns"];

    private readonly Argument<string> _name = new("name") { Description = string.Join(", ", Names) };
    private readonly Option<string> _format = CliOptions.Format(OutputFormat.Table, OutputFormat.Csv, OutputFormat.Json);
    private readonly ReportFilter _filter = new();
    private readonly Option<string?> _provider = new("--provider") { Description = "one provider: rendering NPI, else billing NPI", HelpName = "NPI" };

    private readonly Option<int> _repeatThreshold = CliOptions.PositiveInt("--repeat-threshold",
        "weekly: denials of a pair in a week that make it a repeat offender (default: the service's Feedback:RepeatOffenderThreshold, 3)", fallback: null);

    private readonly Option<string[]> _families = CliOptions.OneOf(new Option<string[]>("--family")
    {
        Description = "a denial family to cover, repeatable: bundling (CARC 97, 236, 234), units (151; 119 with N362), add_on (B15), " +
                      "duplicate (18), modifier (4, 182), other (default: every family but other)",
        HelpName = "NAME",
    }, Families);

    private readonly ServiceOptions _service = new();

    public ReportCommand(CliConsole console)
        : base("report", "Print a feedback report: overridden-then-denied, missed, weekly, kpis, patterns.", console,
            """
            Reports:
              overridden-then-denied  edits overridden (by modifier, by acceptance, forced) whose line came back denied,
                                      by code pair, payer, provider, modifier and week, with the modifier's success rate
              missed                  denials on lines the scrubber passed with no edit of their family (MUE for units,
                                      add-on for B15, …): the gaps in the tables and packs
              weekly                  the weekly denial dashboard: one row per week and code pair, repeat offenders
                                      flagged with the action they call for; a denial no NCCI or pack row names a pair
                                      for shows its denied code with the claim's other same-day codes, never a guessed pair;
                                      units and add-on denials are rows of their code, "(by code)", with the max units
              kpis                    denials as a share of charges and of all denials by month, top 10 pairs by dollars,
                                      overturn rates, days to resolution, written-off dollars (preventable, contestable)
              patterns                per payer and pair: always bundled, conditionally payable, inappropriately denied;
                                      units, add-on and duplicate codes: conditionally payable or always denied

            Each covers the denial families --family names, by default every family but other; rows show the family and
            the adjustment group (CO, PR, OA, PI). Dates are the remittance payment dates; --week replaces --from/--to.
            A filter the service refuses (a bad date or week) exits 2, naming it.
            """)
    {
        Arguments.Add(_name);
        Options.Add(_format);
        _filter.AddTo(this);
        Options.Add(_provider);
        Options.Add(_repeatThreshold);
        Options.Add(_families);
        _service.AddTo(this);
        _name.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (!Names.Contains(name, StringComparer.Ordinal))
            {
                result.AddError($"Unknown report '{name}'; the reports are {string.Join(", ", Names)}.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var format = parse.GetRequiredValue(_format);
        var request = _filter.Request(parse);
        request.ProviderNpi = parse.GetValue(_provider) ?? string.Empty;
        request.RepeatThreshold = parse.GetValue(_repeatThreshold);
        request.Families.AddRange(parse.GetValue(_families) ?? []);
        // A report's size follows the store, not the command line: the missed report lists every claim line it counts.
        using var channel = _service.Open(parse, anyAnswerSize: true);
        var client = new Feedback.FeedbackClient(channel);
        try
        {
            var output = parse.GetRequiredValue(_name) switch
            {
                "overridden-then-denied" => ReportTables.OverriddenThenDenied(await client.OverriddenThenDeniedAsync(request, cancellationToken: cancellationToken), format),
                "missed" => ReportTables.Missed(await client.MissedAsync(request, cancellationToken: cancellationToken), format),
                "weekly" => ReportTables.Weekly(await client.WeeklyDashboardAsync(request, cancellationToken: cancellationToken), format),
                "kpis" => ReportTables.Kpis(await client.KpisAsync(request, cancellationToken: cancellationToken), format),
                _ => ReportTables.Patterns(await client.PatternsAsync(request, cancellationToken: cancellationToken), format),
            };
            await Console.Out.WriteLineAsync(output).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (RpcException ex)
        {
            return await ServiceFailure.ReportQueryFailureAsync(ex, channel.Target, Console).ConfigureAwait(false);
        }
    }
}
