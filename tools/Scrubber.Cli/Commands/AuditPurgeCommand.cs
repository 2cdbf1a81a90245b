using System.CommandLine;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl audit purge --before DATE</c>: asks the running service to remove the scrubs and outcomes older
/// than a day, keeping weekly aggregates of their denials.</summary>
internal sealed class AuditPurgeCommand : CliCommand
{
    private readonly ServiceOptions _service = new();
    private readonly Option<string> _before = new("--before") { Description = "the first day kept, YYYY-MM-DD", HelpName = "DATE", Required = true };

    public AuditPurgeCommand(CliConsole console)
        : base("purge", "Remove the scrubs and remittance outcomes older than a day, keeping weekly aggregates of their denials.", console,
            """
            Calls Admin.PurgeAudit (admin scope). First the remittance outcomes counted before DATE go (their denied lines
            kept as weekly aggregates, so the weekly report of those weeks reads the same), then the scrubs made before
            DATE that no remaining outcome holds, with their lines, edits, submissions and resolutions. The service keeps
            answering while it runs; stopped half way, it can be run again. Retention is the operator's policy: the
            service never purges by itself.

            Exit code 2 for a DATE that is not YYYY-MM-DD or is after today.
            """)
    {
        Options.Add(_before);
        _service.AddTo(this);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var channel = _service.Open(parse);
        try
        {
            var response = await new Admin.AdminClient(channel)
                .PurgeAuditAsync(new PurgeAuditRequest { Before = parse.GetRequiredValue(_before) }, cancellationToken: cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(
                $"Purged before {parse.GetRequiredValue(_before)}: {response.Scrubs:N0} scrubs, {response.RemittanceClaims:N0} remittance claims " +
                $"({response.RemittanceLines:N0} lines); {response.DeniedLinesAggregated:N0} denied lines kept in {response.AggregateRows:N0} weekly aggregate rows.")
                .ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            await Console.Error.WriteLineAsync(ex.Status.Detail).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (RpcException ex)
        {
            return await ServiceFailure.ReportAsync(ex, channel.Target, Console).ConfigureAwait(false);
        }
    }
}
