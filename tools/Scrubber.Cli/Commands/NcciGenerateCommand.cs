using System.CommandLine;
using System.Globalization;
using Scrubber.Generators;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl ncci generate</c>: writes NCCI PTP tables in the CMS layout at real size, for benchmarks and
/// load runs (the real tables are licensed downloads and are not shipped).</summary>
internal sealed class NcciGenerateCommand : CliCommand
{
    private readonly Option<string> _out = new("--out") { Description = "the folder to write (created if needed)", HelpName = "F", Required = true };

    private readonly Option<int> _rows = CliOptions.PositiveInt("--rows",
        string.Create(CultureInfo.InvariantCulture, $"rows in all parts ({PtpGeneratorSettings.FullPractitionerRows:N0} is the 2026 Q3 practitioner table)"),
        PtpGeneratorSettings.FullPractitionerRows);

    private readonly Option<int> _parts = CliOptions.PositiveInt("--parts", "files to split the rows into", 4);
    private readonly Option<int> _seed = CliOptions.PositiveInt("--seed", "the random seed", 322);

    private readonly Option<string> _version = new("--version")
    {
        Description = "the release in the file names (v322r0 is effective 2026-07-01)",
        HelpName = "V",
        DefaultValueFactory = _ => "v322r0",
    };

    private readonly Option<string> _table = TableOption.Create();

    public NcciGenerateCommand(CliConsole console)
        : base("generate", "Write synthetic NCCI PTP tables in the exact CMS layout at real size (for benchmarks).", console,
            """
            Writes part files named as CMS names them (ccipra-v322r0-f1.TXT ...) with the CMS preamble and wrapped
            header, Latin-1, CRLF: real-looking codes across the CPT, Category III, PLA and Level II ranges, pairs with
            several date windows, indicators 1/0/9 in about the published proportions, most rows deleted and about a
            sixth in force, plus active-pairs.tsv for load runs. The same --seed writes the same bytes. Load the folder
            with 'ncci check', 'ncci compile' or the service's Ncci settings.
            """)
    {
        Options.Add(_out);
        Options.Add(_rows);
        Options.Add(_parts);
        Options.Add(_seed);
        Options.Add(_version);
        Options.Add(_table);
        _version.Validators.Add(result =>
        {
            var version = result.GetValueOrDefault<string>();
            if (!Core.Ncci.NcciFileName.TryParse($"ccipra-{version}-f1.TXT", out _))
            {
                result.AddError($"--version must look like v322r0 (release and revision), not '{version}'.");
            }
        });
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var folder = parse.GetRequiredValue(_out);
        var settings = new PtpGeneratorSettings(
            parse.GetValue(_rows),
            parse.GetValue(_parts),
            parse.GetValue(_seed),
            TableOption.Kind(parse.GetRequiredValue(_table)),
            parse.GetRequiredValue(_version));
        var progress = new ProgressLine(Console, rows => string.Create(CultureInfo.InvariantCulture, $"written {rows:N0} of {settings.Rows:N0} rows"));
        GeneratedPtpTable table;
        try
        {
            table = PtpTableGenerator.Write(Path.GetFullPath(folder), settings, progress);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new UsageException($"--rows {settings.Rows:N0} is too many for one table. {ex.Message.Split(" (Parameter")[0]}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            progress.End();
            Console.Error.WriteLine($"Cannot write to '{folder}': {ex.Message}");
            return Task.FromResult(ExitCodes.Unavailable);
        }

        progress.End();
        foreach (var file in table.Files)
        {
            Console.Out.WriteLine(file);
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{table.Rows:N0} rows, {table.Pairs:N0} pairs, {table.ActiveRows:N0} in force; indicator 1: {table.IndicatorOne:N0}, " +
            $"0: {table.IndicatorZero:N0}, 9: {table.IndicatorNine:N0}"));
        return Task.FromResult(ExitCodes.Ok);
    }
}
