using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl scrub</c>: sends a claim from a JSON file to the service and prints the edits.</summary>
internal sealed class ScrubCommand : ICommand
{
    public string Name => "scrub";

    public string Summary => "Scrub a claim from a JSON file through the running service.";

    public string Help =>
        $"""
        Usage: scrubctl scrub <claim.json> [--server URL] [--api-key KEY] [--format table|json]

        Sends the claim to ClaimScrubber.ScrubClaim and prints the disposition and every edit.
        The file holds a scrubber.v1.Claim in protobuf JSON (claimId, payerId, billingProviderNpi, lines: [...]);
        see tools/samples/claims for examples.

        {ServiceConnection.HelpText}
          --format F       table (default) or json (the response as protobuf JSON)
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["format", .. ServiceConnection.Options];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("Give exactly one claim file.");
        }

        var format = OutputFormat.Parse(args.Option("format"), OutputFormat.Table, OutputFormat.Json);
        var claim = await ClaimFile.ReadAsync(args.Positionals[0], console, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return ExitCodes.Problems;
        }

        using var channel = ServiceConnection.Open(args);
        try
        {
            var response = await new ClaimScrubber.ClaimScrubberClient(channel)
                .ScrubClaimAsync(new ScrubClaimRequest { Claim = claim }, cancellationToken: cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(format == OutputFormat.Json ? JsonFormatter.Default.Format(response) : EditTable.Format(response)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            await console.Error.WriteLineAsync($"The service rejected the claim: {ex.Status.Detail}").ConfigureAwait(false);
            foreach (var violation in ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [])
            {
                await console.Error.WriteLineAsync($"  {violation.Field}: {violation.Description}").ConfigureAwait(false);
            }

            return ExitCodes.Problems;
        }
        catch (RpcException ex)
        {
            return await ServiceConnection.ReportAsync(ex, channel.Target, console).ConfigureAwait(false);
        }
    }
}
