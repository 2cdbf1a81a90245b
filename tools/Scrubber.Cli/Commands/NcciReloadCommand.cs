using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl ncci reload</c>: asks the running service to load its NCCI tables again and swap them in.</summary>
internal sealed class NcciReloadCommand : CliCommand
{
    private readonly ServiceOptions _service = new();

    public NcciReloadCommand(CliConsole console)
        : base("reload", "Ask the running service to reload its NCCI tables (a new quarter) and swap them in live.", console,
            """
            Calls Admin.ReloadTables. Put the new quarter's files (or a compiled .ncci snapshot) where the service's
            Ncci settings point, or change those settings in appsettings.json, then run this. The new index is built
            beside the one in force and swapped in whole; claims in flight finish on the tables they started with.
            A file that cannot be loaded is reported with its name and line, and the tables in force keep serving.

            Exit code 1 when the reload is refused.
            """) =>
        _service.AddTo(this);

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var channel = _service.Open(parse);
        try
        {
            var response = await new Admin.AdminClient(channel).ReloadTablesAsync(new ReloadTablesRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Tables swapped in at {response.LoadedAt} after {response.ElapsedMs / 1000:F2} s")).ConfigureAwait(false);
            await StatusCommand.WriteTablesAsync(response.NcciTables, response.MueTables, response.AddOnTables, response.PfsTables, Console).ConfigureAwait(false);
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
}
