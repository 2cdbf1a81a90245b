using System.Globalization;
using Scrubber.Generators;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl ncci generate</c>: writes NCCI PTP tables in the CMS layout at real size, for benchmarks and
/// load runs (the real tables are licensed downloads and are not shipped).</summary>
internal sealed class NcciGenerateCommand : ICommand
{
    public string Name => "ncci generate";

    public string Summary => "Write synthetic NCCI PTP tables in the exact CMS layout at real size (for benchmarks).";

    public string Help =>
        $"""
        Usage: scrubctl ncci generate --out <folder> [--rows N] [--parts N] [--seed N] [--version vNNNrN] [--table T]

        Writes part files named as CMS names them (ccipra-v322r0-f1.TXT ...) with the CMS preamble and wrapped
        header, Latin-1, CRLF: real-looking codes across the CPT, Category III, PLA and Level II ranges, pairs
        with several date windows, indicators 1/0/9 in about the published proportions, most rows deleted and
        about a sixth in force. The same --seed writes the same bytes. Load the folder with 'ncci check',
        'ncci compile' or the service's Ncci settings.

          --out F          the folder to write (created if needed)
          --rows N         rows in all parts (default {PtpGeneratorSettings.FullPractitionerRows:N0}, the 2026 Q3 practitioner table)
          --parts N        files to split the rows into (default 4)
          --seed N         the random seed (default 322)
          --version V      the release in the file names (default v322r0, effective 2026-07-01)
        {TableOption.HelpLine}
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["out", "rows", "parts", "seed", "version", "table"];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var folder = args.Option("out") ?? throw new UsageException("Give the folder to write with --out.");
        var version = args.Option("version") ?? "v322r0";
        if (!Core.Ncci.NcciFileName.TryParse($"ccipra-{version}-f1.TXT", out _))
        {
            throw new UsageException($"--version must look like v322r0 (release and revision), not '{version}'.");
        }

        var settings = new PtpGeneratorSettings(
            args.PositiveInt("rows", PtpGeneratorSettings.FullPractitionerRows),
            args.PositiveInt("parts", 4),
            args.PositiveInt("seed", 322),
            TableOption.Parse(args),
            version);
        var progress = new InlineProgress(rows => console.Error.Write(
            string.Create(CultureInfo.InvariantCulture, $"\rwritten {rows:N0} of {settings.Rows:N0} rows")));
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
            console.Error.WriteLine();
            console.Error.WriteLine($"Cannot write to '{folder}': {ex.Message}");
            return Task.FromResult(ExitCodes.Unavailable);
        }

        console.Error.WriteLine();
        foreach (var file in table.Files)
        {
            console.Out.WriteLine(file);
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{table.Rows:N0} rows, {table.Pairs:N0} pairs, {table.ActiveRows:N0} in force; indicator 1: {table.IndicatorOne:N0}, " +
            $"0: {table.IndicatorZero:N0}, 9: {table.IndicatorNine:N0}"));
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>Reports on the writing thread (unlike <see cref="Progress{T}"/>), so lines never arrive out of order.</summary>
    private sealed class InlineProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
