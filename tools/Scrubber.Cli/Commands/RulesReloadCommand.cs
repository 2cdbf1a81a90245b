using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl rules reload</c>: asks the running service to reload its packs now and prints what changed.</summary>
internal sealed class RulesReloadCommand : ICommand
{
    public string Name => "rules reload";

    public string Summary => "Ask the running service to reload its packs folder now; print what went live or was rejected.";

    public string Help =>
        $"""
        Usage: scrubctl rules reload [--server URL] [--api-key KEY]

        Calls Admin.ReloadPacks. The service also watches its packs folder, so this is for operators who want the
        answer now. A pack that fails validation or its examples never replaces the live one.

        {ServiceConnection.HelpText}

        Exit code 1 when any pack is rejected.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = [.. ServiceConnection.Options];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        using var channel = ServiceConnection.Open(args);
        try
        {
            var response = await new Admin.AdminClient(channel).ReloadPacksAsync(new ReloadPacksRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var change in response.Changes)
            {
                await console.Out.WriteLineAsync(change).ConfigureAwait(false);
            }

            await PackStatusText.WriteAsync(response.Packs, response.PackRejections, console).ConfigureAwait(false);
            return response.PackRejections.Count == 0 ? ExitCodes.Ok : ExitCodes.Problems;
        }
        catch (RpcException ex)
        {
            return await ServiceConnection.ReportAsync(ex, channel.Target, console).ConfigureAwait(false);
        }
    }
}
