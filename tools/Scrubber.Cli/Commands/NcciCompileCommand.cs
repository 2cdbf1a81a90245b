using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Scrubber.Core.Ncci;
using Scrubber.Core.Ncci.Snapshots;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl ncci compile</c>: loads CMS PTP files once and writes the built index as a snapshot the
/// service loads in a fraction of the time.</summary>
internal sealed class NcciCompileCommand : CliCommand
{
    private readonly Argument<string[]> _paths = new("path")
    {
        Description = "CMS zips, .TXT parts or folders (every release found is compiled)",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string> _out = new("--out")
    {
        Description = $"the snapshot to write, ending in {NcciSnapshotFile.Extension} (written to F.tmp, then moved into place)",
        HelpName = "F",
        Required = true,
    };

    private readonly Option<string> _table = TableOption.Create();

    public NcciCompileCommand(CliConsole console)
        : base("compile", "Compile NCCI PTP files into a snapshot (.ncci) the service loads in well under a second.", console,
            """
            Loads the files exactly as the service does, refuses files with malformed rows, and writes the index to a
            snapshot with a checksum. Point the service's Ncci:Practitioner or Ncci:OutpatientHospital setting at the
            .ncci file instead of the text files. Compile again after upgrading Scrubber: a snapshot of another format
            is refused.
            """)
    {
        Arguments.Add(_paths);
        Options.Add(_out);
        Options.Add(_table);
        _out.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } file && !NcciSnapshotFile.IsSnapshot(file))
            {
                result.AddError($"--out must end in {NcciSnapshotFile.Extension}, which is how the service recognises a snapshot.");
            }
        });
    }

    protected override Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.GetRequiredValue(_out);
        var report = new NcciCheckCommand.ConsoleLoadReport(Console);
        try
        {
            var tables = NcciLoader.Load(TableOption.Kind(parse.GetRequiredValue(_table)), "path", [.. InputPaths.RequireExisting(parse.GetRequiredValue(_paths)).Select(Path.GetFullPath)], report);
            if (report.Malformed > 0)
            {
                Console.Error.WriteLine($"{report.Malformed:N0} malformed rows; fix or remove them before compiling (see 'scrubctl ncci check').");
                return Task.FromResult(ExitCodes.Problems);
            }

            var started = Stopwatch.GetTimestamp();
            NcciSnapshotFile.Write(Path.GetFullPath(output), tables);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {output}: {string.Join(", ", tables.Releases.Select(r => $"{r.Info.TableVersion} ({r.Info.Rows:N0} rows)"))}, " +
                $"{new FileInfo(output).Length / 1024.0 / 1024.0:F1} MiB in {Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s"));
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (NcciLoadException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return Task.FromResult(ExitCodes.Problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot write '{output}': {ex.Message}");
            return Task.FromResult(ExitCodes.Unavailable);
        }
    }
}
