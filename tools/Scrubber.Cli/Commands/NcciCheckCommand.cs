using System.Globalization;
using Scrubber.Core.Ncci;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl ncci check</c>: loads CMS PTP files exactly as the service would and reports what they hold.</summary>
internal sealed class NcciCheckCommand : ICommand
{
    private const int MalformedRowsShown = 20;

    public string Name => "ncci check";

    public string Summary => "Load NCCI PTP files as the service would; report releases, rows and malformed rows.";

    public string Help =>
        $"""
        Usage: scrubctl ncci check <path>... [--table practitioner|outpatient-hospital]

        Each path is a CMS zip as downloaded, a .TXT part, or a folder of them. Prints each release found
        (version, parts, rows, pairs, index size) and the first malformed rows with file and line.
        Use it on a new quarter's files before pointing the service at them.

        {TableOption.HelpLine}

        Exit code 1 when a file cannot be loaded or holds malformed rows.
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["table"];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("Give at least one file, folder or zip.");
        }

        var kind = TableOption.Parse(args);

        var report = new ConsoleLoadReport(console);
        NcciTableSet set;
        try
        {
            set = NcciLoader.Load(kind, "path", [.. args.Positionals.Select(Path.GetFullPath)], report);
        }
        catch (NcciLoadException ex)
        {
            console.Error.WriteLine(ex.Message);
            return Task.FromResult(ExitCodes.Problems);
        }

        foreach (var release in set.Releases)
        {
            var info = release.Info;
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{info.TableVersion}: parts {string.Join(",", info.Parts)}, {info.Rows:N0} rows, {info.Pairs:N0} pairs, " +
                $"{info.MalformedRows:N0} malformed, {info.OverlappingWindows:N0} pairs with overlapping windows, " +
                $"applies from {info.AppliesFrom:yyyy-MM-dd}, index {release.IndexBytes / 1024.0 / 1024.0:F1} MiB"));
        }

        if (report.Malformed > MalformedRowsShown)
        {
            console.Out.WriteLine($"({report.Malformed - MalformedRowsShown} more malformed rows not shown)");
        }

        return Task.FromResult(report.Malformed > 0 ? ExitCodes.Problems : ExitCodes.Ok);
    }

    /// <summary>Prints progress per file to standard error and the first malformed rows to standard output.</summary>
    internal sealed class ConsoleLoadReport(CliConsole console) : INcciLoadReport
    {
        public long Malformed { get; private set; }

        public void MalformedRow(MalformedRow row)
        {
            if (++Malformed <= MalformedRowsShown)
            {
                console.Out.WriteLine($"malformed {row}");
            }
        }

        public void FileRead(string file, long rows, long malformed, TimeSpan elapsed) =>
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {file}: {rows:N0} rows, {malformed:N0} malformed, {elapsed.TotalSeconds:F2} s"));
    }
}
