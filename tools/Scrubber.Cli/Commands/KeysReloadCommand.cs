using System.CommandLine;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl keys reload</c>: asks the running service to read its security settings again and put its API
/// keys and client certificates in force now.</summary>
internal sealed class KeysReloadCommand : CliCommand
{
    private readonly ServiceOptions _service = new();

    public KeysReloadCommand(CliConsole console)
        : base("reload", "Ask the running service to put the API keys and client certificates of its settings in force now.", console,
            """
            Calls Admin.ReloadSecurity (admin scope). The service follows appsettings.json by itself; run this after
            changing keys where it cannot see a change (environment variables of a restarted sidecar, a mounted secret).
            A key or certificate removed or changed is refused from the next call on, and its dashboard sessions end.
            Prints what changed, by name, and the names in force.

            Exit code 1 when the settings are refused (each problem is named); the keys they still hold unchanged stay
            in force.
            """) =>
        _service.AddTo(this);

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var channel = _service.Open(parse);
        try
        {
            var response = await new Admin.AdminClient(channel).ReloadSecurityAsync(new ReloadSecurityRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"Security settings in force at {response.LoadedAt}").ConfigureAwait(false);
            foreach (var change in response.Changes.DefaultIfEmpty("no change"))
            {
                await Console.Out.WriteLineAsync("  " + change).ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync($"API keys: {Names(response.ApiKeys)}").ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"Client certificates: {Names(response.ClientCertificates)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            await Console.Error.WriteLineAsync(ex.Status.Detail).ConfigureAwait(false);
            return ExitCodes.Problems;
        }
        catch (RpcException ex)
        {
            return await ServiceFailure.ReportAsync(ex, channel.Target, Console).ConfigureAwait(false);
        }
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.DefaultIfEmpty("none"));
}
