using System.CommandLine;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl scrub</c>: sends a claim from a JSON file to the service and prints the edits.</summary>
internal sealed class ScrubCommand : CliCommand
{
    private const string HardStop = "hard-stop";
    private const string Warning = "warning";

    private readonly Argument<string> _file = new("claim.json")
    {
        Description = "a scrubber.v1.Claim in protobuf JSON (claimId, payerId, billingProviderNpi, lines: [...]); see tools/samples/claims",
    };

    private readonly Option<string> _format = CliOptions.Format(OutputFormat.Table, OutputFormat.Json);

    private readonly Option<string?> _failOn = CliOptions.OneOf(new Option<string?>("--fail-on")
    {
        Description = "exit 1 when the disposition is at least this: hard-stop (HARD_STOP), warning (WARNINGS or HARD_STOP)",
        HelpName = "LEVEL",
    }, HardStop, Warning);

    private readonly ServiceOptions _service = new();

    public ScrubCommand(CliConsole console)
        : base("scrub", "Scrub a claim from a JSON file through the running service.", console,
            """
            Sends the claim to ClaimScrubber.ScrubClaim and prints the disposition and every edit (--format json: the
            response as protobuf JSON).

            Exit codes: 0 scrubbed (whatever the disposition, unless --fail-on), 1 the claim is malformed (JSON errors as
            FILE:LINE:COL: reason) or the service refused it, or the disposition meets --fail-on; 3 the file cannot be
            read or the service is not available.
            """)
    {
        Arguments.Add(_file);
        Options.Add(_format);
        Options.Add(_failOn);
        _service.AddTo(this);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var claim = await ClaimFile.ReadAsync(parse.GetRequiredValue(_file), cancellationToken).ConfigureAwait(false);
        using var channel = _service.Open(parse);
        try
        {
            var response = await new ClaimScrubber.ClaimScrubberClient(channel)
                .ScrubClaimAsync(new ScrubClaimRequest { Claim = claim }, cancellationToken: cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(parse.GetValue(_format) == OutputFormat.Json ? JsonFormatter.Default.Format(response) : EditTable.Format(response)).ConfigureAwait(false);
            return await GateAsync(response.Disposition, parse.GetValue(_failOn)).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            await Console.Error.WriteLineAsync($"The service rejected the claim: {ex.Status.Detail}").ConfigureAwait(false);
            foreach (var violation in ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [])
            {
                await Console.Error.WriteLineAsync($"  {violation.Field}: {violation.Description}").ConfigureAwait(false);
            }

            return ExitCodes.Problems;
        }
        catch (RpcException ex)
        {
            return await ServiceFailure.ReportAsync(ex, channel.Target, Console).ConfigureAwait(false);
        }
    }

    /// <summary>Exit 1 when the disposition is at least <paramref name="failOn"/>, so a script can stop a claim.</summary>
    private async Task<int> GateAsync(Disposition disposition, string? failOn)
    {
        var fails = failOn switch
        {
            HardStop => disposition == Disposition.HardStop,
            Warning => disposition is Disposition.Warnings or Disposition.HardStop,
            _ => false,
        };
        if (!fails)
        {
            return ExitCodes.Ok;
        }

        await Console.Error.WriteLineAsync($"Disposition {EditTable.Name(disposition)} meets --fail-on {failOn}.").ConfigureAwait(false);
        return ExitCodes.Problems;
    }
}
