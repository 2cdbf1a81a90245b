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
        "denials a payer, code pair and modifiers (or, for units and add-on denials, a payer and code) need before a rule is drafted (default: the service's, 3)", fallback: null);

    private readonly Option<string> _format = CliOptions.Format(OutputFormat.Table, OutputFormat.Json);
    private readonly ServiceOptions _service = new();

    public RulesProposeCommand(CliConsole console)
        : base("propose", "Draft payer rules from denials nothing caught and modifiers payers refuse, with evidence and replay.", console,
            """
            For each payer, code pair and modifiers with enough bundling denials, and each payer and code with enough
            units (CARC 151) or add-on (B15) denials no MUE or add-on edit warned of, prints a rule in the pack format,
            the evidence (claim/line ids, count, dollars) and a replay over the recorded history: how many past lines
            of that payer the rule would have flagged, and how many of those the payer paid (false positives). A units
            rule flags more units than the payer has been seen to pay; an add-on rule flags the add-on without a
            primary the payer paid it beside. Nothing is added to a pack: paste the rule into the payer's pack.json,
            add an example, run 'rules test'.
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
                await Console.Out.WriteLineAsync("No proposal: no payer, pair and modifiers (or payer and code) has enough denials yet.").ConfigureAwait(false);
            }

            foreach (var proposal in report.Proposals)
            {
                await Console.Out.WriteLineAsync(
                    $"{proposal.PayerId}: {proposal.Kind}, {Subject(proposal)}" +
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

    /// <summary>What the rule is about: the pair, or the one code with its unit limit or its primaries.</summary>
    private static string Subject(RuleProposal proposal) => proposal.Kind switch
    {
        "units over limit" => $"{proposal.Column2Code} over {proposal.UnitLimit.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} units on a line",
        "add-on without primary" => proposal.PrimaryCodes.Count > 0
            ? $"{proposal.Column2Code} without {string.Join(" or ", proposal.PrimaryCodes)}"
            : $"{proposal.Column2Code} with any code billed so far",
        _ => $"{proposal.Column2Code} with {proposal.Column1Code}",
    };

    private static string Indent(string json) => string.Join('\n', json.Split('\n').Select(l => "  " + l));
}
