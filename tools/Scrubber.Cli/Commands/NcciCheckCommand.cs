using System.CommandLine;
using System.Globalization;
using Scrubber.Core.Ncci;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl ncci check</c>: loads CMS PTP files exactly as the service would and reports what they hold.</summary>
internal sealed class NcciCheckCommand : CliCommand
{
    private const int MalformedRowsShown = 20;

    private readonly Argument<string[]> _paths = new("path")
    {
        Description = "a CMS zip as downloaded, a .TXT part, a folder of them, or a compiled .ncci snapshot",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _table = TableOption.Create();

    public NcciCheckCommand(CliConsole console)
        : base("check", "Load NCCI PTP files as the service would; report releases, rows and malformed rows.", console,
            """
            Prints each release found (version, parts, rows, pairs, index size) and the first malformed rows with file
            and line. Use it on a new quarter's files before pointing the service at them.

            Exit code 1 when a file cannot be loaded or holds malformed rows.
            """)
    {
        Arguments.Add(_paths);
        Options.Add(_table);
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var report = new ConsoleLoadReport(Console);
        NcciTableSet set;
        try
        {
            set = NcciLoader.Load(TableOption.Kind(parse.GetRequiredValue(_table)), "path", [.. InputPaths.RequireExisting(parse.GetRequiredValue(_paths)).Select(Path.GetFullPath)], report);
        }
        catch (NcciLoadException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return Task.FromResult(ExitCodes.Problems);
        }

        foreach (var release in set.Releases)
        {
            var info = release.Info;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{info.TableVersion}: parts {string.Join(",", info.Parts)}, {info.Rows:N0} rows, {info.Pairs:N0} pairs, " +
                $"{info.MalformedRows:N0} malformed, {info.OverlappingWindows:N0} pairs with overlapping windows, " +
                $"applies from {info.AppliesFrom:yyyy-MM-dd}, index {release.IndexBytes / 1024.0 / 1024.0:F1} MiB"));
        }

        if (report.Malformed > MalformedRowsShown)
        {
            Console.Out.WriteLine($"({report.Malformed - MalformedRowsShown} more malformed rows not shown)");
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
