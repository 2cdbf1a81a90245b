using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Scrubber.V1;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl status</c>: what the running service has loaded, and what its store holds.</summary>
internal sealed class StatusCommand : CliCommand
{
    private readonly Option<string> _format = CliOptions.Format(OutputFormat.Table, OutputFormat.Json);
    private readonly ServiceOptions _service = new();

    public StatusCommand(CliConsole console)
        : base("status", "Show the NCCI tables and payer packs the running service has loaded, and what its store holds.", console,
            """
            Calls Admin.GetStatus and prints each resident NCCI release (version, parts, rows, malformed rows), each
            live payer pack (id@version, payers, rules), each pack whose current files were refused, with why, and the
            audit store's row counts (Store: scrubs, claims, remittances, resolutions).
            """)
    {
        Options.Add(_format);
        _service.AddTo(this);
    }

    protected override async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var channel = _service.Open(parse);
        try
        {
            var status = await new Admin.AdminClient(channel).GetStatusAsync(new GetStatusRequest(), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(_format) == OutputFormat.Json)
            {
                await Console.Out.WriteLineAsync(JsonFormatter.Default.Format(status)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await Console.Out.WriteLineAsync($"Tables loaded at {status.LoadedAt}").ConfigureAwait(false);
            await WriteTablesAsync(status.NcciTables, status.MueTables, status.AddOnTables, status.PfsTables, Console).ConfigureAwait(false);
            if (status.NcciRejection.Length > 0)
            {
                await Console.Out.WriteLineAsync($"  last reload refused at {status.NcciRejectedAt}: {status.NcciRejection}").ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync($"Packs loaded at {status.PacksLoadedAt}").ConfigureAwait(false);
            await PackStatusText.WriteAsync(status.Packs, status.PackRejections, Console).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"Store: {Describe(status.Store)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (RpcException ex)
        {
            return await ServiceFailure.ReportAsync(ex, channel.Target, Console).ConfigureAwait(false);
        }
    }

    /// <summary>The store's counts in one line; a service that predates them sends none.</summary>
    public static string Describe(StoreCounts? store) => store is null
        ? "not reported by this service"
        : string.Create(CultureInfo.InvariantCulture,
            $"{store.Scrubs:N0} scrubs, {store.Claims:N0} claims ({store.ConfirmedClaims:N0} confirmed), {store.RemittanceFiles:N0} remittance files " +
            $"({store.RemittanceClaims:N0} claims, {store.RemittanceLines:N0} lines), {store.Resolutions:N0} resolutions");

    /// <summary>One line per resident table release: PTP, MUE, add-on codes, then the fee schedule.</summary>
    public static async Task WriteTablesAsync(IEnumerable<NcciTableStatus> tables, IEnumerable<MueTableStatus> mue, IEnumerable<AddOnCodeTableStatus> addOns,
        IEnumerable<PfsTableStatus> pfs, CliConsole console)
    {
        foreach (var table in tables)
        {
            await console.Out.WriteLineAsync(
                $"  {table.Table,-20} {table.Version,-15} parts {string.Join(",", table.Parts),-12} {table.Rows,12:N0} rows " +
                $"{table.MalformedRows,6:N0} malformed  applies from {table.AppliesFrom}").ConfigureAwait(false);
        }

        foreach (var table in mue)
        {
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  MUE {table.Table,-20} {table.Version,-36} {table.Codes,7:N0} codes ({table.NotPayable:N0} MUE 0; MAI 1/2/3 " +
                $"{table.LineEdits:N0}/{table.PolicyDateEdits:N0}/{table.ClinicalDateEdits:N0})  applies from {table.AppliesFrom}")).ConfigureAwait(false);
        }

        foreach (var table in addOns)
        {
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  add-on codes {table.Version,-28} {table.AddOnCodes,7:N0} add-on codes, {table.Rows:N0} rows  applies from {table.AppliesFrom}")).ConfigureAwait(false);
        }

        foreach (var table in pfs)
        {
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  fee schedule {table.Version,-28} {table.Codes,7:N0} codes, {table.Rows:N0} rows (global 000/010/090 {table.Global000:N0}/{table.Global010:N0}/" +
                $"{table.Global090:N0}; MMM/XXX/YYY/ZZZ {table.GlobalMmm:N0}/{table.GlobalXxx:N0}/{table.GlobalYyy:N0}/{table.GlobalZzz:N0})  applies from {table.AppliesFrom}"))
                .ConfigureAwait(false);
        }
    }
}
