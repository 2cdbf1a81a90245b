using System.CommandLine;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules reload</c>: asks the running service to reload its packs now and prints what changed.</summary>
internal sealed class RulesReloadCommand : CliCommand
{
    private readonly ServiceOptions _service = new();

    public RulesReloadCommand(CliConsole console)
        : base("reload", "Ask the running service to reload its packs folder now; print what went live or was rejected.", console,
            """
            Calls Admin.ReloadPacks. The service also watches its packs folder, so this is for operators who want the
            answer now. A pack that fails validation or its examples never replaces the live one.

            Exit code 1 when any pack is rejected.
            """) =>
        _service.AddTo(this);

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var channel = _service.Open(parse);
        try
        {
            var response = await new Admin.AdminClient(channel).ReloadPacksAsync(new ReloadPacksRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var change in response.Changes)
            {
                await Console.Out.WriteLineAsync(change).ConfigureAwait(false);
            }

            await PackStatusText.WriteAsync(response.Packs, response.PackRejections, Console).ConfigureAwait(false);
            return response.PackRejections.Count == 0 ? ExitCodes.Ok : ExitCodes.Problems;
        }
        catch (RpcException ex)
        {
            return await ServiceFailure.ReportAsync(ex, channel.Target, Console).ConfigureAwait(false);
        }
    }
}
