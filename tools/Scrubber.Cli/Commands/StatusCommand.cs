using Google.Protobuf;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl status</c>: what the running service has loaded.</summary>
internal sealed class StatusCommand : ICommand
{
    public string Name => "status";

    public string Summary => "Show the NCCI tables and payer packs the running service has loaded.";

    public string Help =>
        $"""
        Usage: scrubctl status [--server URL] [--api-key KEY] [--format table|json]

        Calls Admin.GetStatus and prints each resident NCCI release (version, parts, rows, malformed rows), each
        live payer pack (id@version, payers, rules) and each pack whose current files were refused, with why.

        {ServiceConnection.HelpText}
          --format F       table (default) or json
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["format", .. ServiceConnection.Options];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public async Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var format = OutputFormat.Parse(args.Option("format"), OutputFormat.Table, OutputFormat.Json);
        using var channel = ServiceConnection.Open(args);
        try
        {
            var status = await new Admin.AdminClient(channel).GetStatusAsync(new GetStatusRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (format == OutputFormat.Json)
            {
                await console.Out.WriteLineAsync(JsonFormatter.Default.Format(status)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await console.Out.WriteLineAsync($"Tables loaded at {status.LoadedAt}").ConfigureAwait(false);
            await WriteTablesAsync(status.NcciTables, console).ConfigureAwait(false);
            if (status.NcciRejection.Length > 0)
            {
                await console.Out.WriteLineAsync($"  last reload refused at {status.NcciRejectedAt}: {status.NcciRejection}").ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync($"Packs loaded at {status.PacksLoadedAt}").ConfigureAwait(false);
            await PackStatusText.WriteAsync(status.Packs, status.PackRejections, console).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (RpcException ex)
        {
            return await ServiceConnection.ReportAsync(ex, channel.Target, console).ConfigureAwait(false);
        }
    }

    /// <summary>One line per resident table release.</summary>
    public static async Task WriteTablesAsync(IEnumerable<NcciTableStatus> tables, CliConsole console)
    {
        foreach (var table in tables)
        {
            await console.Out.WriteLineAsync(
                $"  {table.Table,-20} {table.Version,-15} parts {string.Join(",", table.Parts),-12} {table.Rows,12:N0} rows " +
                $"{table.MalformedRows,6:N0} malformed  applies from {table.AppliesFrom}").ConfigureAwait(false);
        }
    }
}
