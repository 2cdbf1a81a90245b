using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules propose</c>: payer rules the denial history says are missing, drafted for review.</summary>
internal sealed class RulesProposeCommand : CliCommand
{
    private readonly ReportFilter _filter = new();

    private readonly Option<int> _minSupport = CliOptions.PositiveInt("--min-support",
        "bundling denials a payer, code pair and modifiers need before a rule is drafted (default: the service's, 3)", fallback: null);

    private readonly Option<string> _format = CliOptions.Format(OutputFormat.Table, OutputFormat.Json);
    private readonly ServiceOptions _service = new();

    public RulesProposeCommand(CliConsole console)
        : base("propose", "Draft payer rules from denials nothing caught and modifiers payers refuse, with evidence and replay.", console,
            """
            For each payer, code pair and modifiers with enough bundling denials, prints a rule in the pack format, the
            evidence (claim/line ids, count, dollars) and a replay over the recorded history: how many past lines of
            that payer the rule would have flagged, and how many of those the payer paid (false positives). Nothing is
            added to a pack: paste the rule into the payer's pack.json, add an example, run 'rules test'.
            """)
    {
        _filter.AddTo(this);
        Options.Add(_minSupport);
        Options.Add(_format);
        _service.AddTo(this);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var request = new ProposeRulesRequest { Filter = _filter.Request(parse), MinimumSupport = parse.GetValue(_minSupport) };
        using var channel = _service.Open(parse);
        try
        {
            var report = await new Feedback.FeedbackClient(channel).ProposeRulesAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(_format) == OutputFormat.Json)
            {
                await Console.Out.WriteLineAsync(JsonFormatter.Default.Format(report)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            if (report.Proposals.Count == 0)
            {
                await Console.Out.WriteLineAsync("No proposal: no payer, pair and modifiers has enough denials yet.").ConfigureAwait(false);
            }

            foreach (var proposal in report.Proposals)
            {
                await Console.Out.WriteLineAsync(
                    $"{proposal.PayerId}: {proposal.Kind}, {proposal.Column2Code} with {proposal.Column1Code}" +
                    (proposal.Modifiers.Length > 0 ? $" ({proposal.Modifiers})" : string.Empty) +
                    $": {proposal.Support} denials, ${proposal.DollarsDenied}; replay flags {proposal.WouldHaveFlagged} past lines, " +
                    $"{proposal.WouldHaveFlaggedPaid} of them paid\n  evidence: {string.Join(' ', proposal.ClaimLines)}\n{Indent(proposal.RuleJson)}\n").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }
        catch (RpcException ex)
        {
            return await ServiceFailure.ReportQueryFailureAsync(ex, channel.Target, Console).ConfigureAwait(false);
        }
    }

    private static string Indent(string json) => string.Join('\n', json.Split('\n').Select(l => "  " + l));
}
