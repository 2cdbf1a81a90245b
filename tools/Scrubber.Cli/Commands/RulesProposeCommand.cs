using Google.Protobuf;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules propose</c>: payer rules the denial history says are missing, drafted for review.</summary>
internal sealed class RulesProposeCommand : ICommand
{
    public string Name => "rules propose";

    public string Summary => "Draft payer rules from CO-97 denials nothing caught and modifiers payers refuse, with evidence and replay.";

    public string Help =>
        $"""
        Usage: scrubctl rules propose [--payer ID] [--min-support N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--week 2026-W33]
                                      [--format table|json] [--server URL] [--api-key KEY]

        For each payer, code pair and modifiers with at least N bundling denials (default 3), prints a rule in the
        pack format, the evidence (claim/line ids, count, dollars) and a replay over the recorded history: how many
        past lines of that payer the rule would have flagged, and how many of those the payer paid (false positives).
        Nothing is added to a pack: paste the rule into the payer's pack.json, add an example, run 'rules test'.

        {ServiceConnection.HelpText}
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["payer", "min-support", "from", "to", "week", "format", .. ServiceConnection.Options];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var format = OutputFormat.Parse(args.Option("format"), OutputFormat.Table, OutputFormat.Json);
        var request = new ProposeRulesRequest
        {
            Filter = new ReportRequest
            {
                PayerId = args.Option("payer") ?? string.Empty,
                From = args.Option("from") ?? string.Empty,
                To = args.Option("to") ?? string.Empty,
                IsoWeek = args.Option("week") ?? string.Empty,
            },
            MinimumSupport = args.PositiveInt("min-support", 0),
        };
        using var channel = ServiceConnection.Open(args);
        try
        {
            var report = await new Feedback.FeedbackClient(channel).ProposeRulesAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (format == OutputFormat.Json)
            {
                await console.Out.WriteLineAsync(JsonFormatter.Default.Format(report)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            if (report.Proposals.Count == 0)
            {
                await console.Out.WriteLineAsync("No proposal: no payer, pair and modifiers has enough denials yet.").ConfigureAwait(false);
            }

            foreach (var proposal in report.Proposals)
            {
                await console.Out.WriteLineAsync(
                    $"{proposal.PayerId}: {proposal.Kind}, {proposal.Column2Code} with {proposal.Column1Code}" +
                    (proposal.Modifiers.Length > 0 ? $" ({proposal.Modifiers})" : string.Empty) +
                    $": {proposal.Support} denials, ${proposal.DollarsDenied}; replay flags {proposal.WouldHaveFlagged} past lines, " +
                    $"{proposal.WouldHaveFlaggedPaid} of them paid\n  evidence: {string.Join(' ', proposal.ClaimLines)}\n{Indent(proposal.RuleJson)}\n").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }
        catch (RpcException ex)
        {
            return await ServiceConnection.ReportQueryFailureAsync(ex, channel.Target, console).ConfigureAwait(false);
        }
    }

    private static string Indent(string json) => string.Join('\n', json.Split('\n').Select(l => "  " + l));
}
