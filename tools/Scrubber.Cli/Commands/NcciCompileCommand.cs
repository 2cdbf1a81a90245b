using System.Diagnostics;
using System.Globalization;
using Scrubber.Core.Ncci;
using Scrubber.Core.Ncci.Snapshots;

namespace Scrubber.Cli.Commands;

/// <summary><c>scrubctl ncci compile</c>: loads CMS PTP files once and writes the built index as a snapshot the
/// service loads in a fraction of the time.</summary>
internal sealed class NcciCompileCommand : ICommand
{
    public string Name => "ncci compile";

    public string Summary => "Compile NCCI PTP files into a snapshot (.ncci) the service loads in well under a second.";

    public string Help =>
        $"""
        Usage: scrubctl ncci compile <path>... --out <file.ncci> [--table T]

        Loads the files exactly as the service does (CMS zips, .TXT parts or folders; every release found),
        refuses files with malformed rows, and writes the index to a snapshot with a checksum. Point the
        service's Ncci:Practitioner or Ncci:OutpatientHospital setting at the .ncci file instead of the
        text files. Compile again after upgrading Scrubber: a snapshot of another format is refused.

          --out F          the snapshot to write (written to F.tmp, then moved into place)
        {TableOption.HelpLine}
        """;

    public IReadOnlyCollection<string> ValueOptions { get; } = ["out", "table"];

    public IReadOnlyCollection<string> Switches { get; } = [];

    public Task<int> RunAsync(CommandArgs args, CliConsole console, CancellationToken cancellationToken)
    {
        var output = args.Option("out") ?? throw new UsageException("Give the snapshot to write with --out.");
        if (!NcciSnapshotFile.IsSnapshot(output))
        {
            throw new UsageException($"--out must end in {NcciSnapshotFile.Extension}, which is how the service recognises a snapshot.");
        }

        if (args.Positionals.Count == 0)
        {
            throw new UsageException("Give at least one file, folder or zip to compile.");
        }

        var report = new NcciCheckCommand.ConsoleLoadReport(console);
        try
        {
            var tables = NcciLoader.Load(TableOption.Parse(args), "path", [.. args.Positionals.Select(Path.GetFullPath)], report);
            if (report.Malformed > 0)
            {
                console.Error.WriteLine($"{report.Malformed:N0} malformed rows; fix or remove them before compiling (see 'scrubctl ncci check').");
                return Task.FromResult(ExitCodes.Problems);
            }

            var started = Stopwatch.GetTimestamp();
            NcciSnapshotFile.Write(Path.GetFullPath(output), tables);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {output}: {string.Join(", ", tables.Releases.Select(r => $"{r.Info.TableVersion} ({r.Info.Rows:N0} rows)"))}, " +
                $"{new FileInfo(output).Length / 1024.0 / 1024.0:F1} MiB in {Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s"));
            return Task.FromResult(ExitCodes.Ok);
        }
        catch (NcciLoadException ex)
        {
            console.Error.WriteLine(ex.Message);
            return Task.FromResult(ExitCodes.Problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"Cannot write '{output}': {ex.Message}");
            return Task.FromResult(ExitCodes.Unavailable);
        }
    }
}
