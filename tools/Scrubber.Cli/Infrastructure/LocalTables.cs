using System.CommandLine;
using Scrubber.Core.Ncci;

namespace Scrubber.Cli;

/// <summary>The NCCI tables rule commands scrub examples with: given paths, else the samples under rules/ncci found
/// above the pack folder, else none (examples that need NCCI then fail and say so).</summary>
internal sealed class LocalTables
{
    public Option<string?> Practitioner { get; } = new("--practitioner")
    {
        Description = "practitioner NCCI files, folder or zip (default: rules/ncci/practitioner above the packs)",
        HelpName = "P",
    };

    public Option<string?> OutpatientHospital { get; } = new("--outpatient-hospital")
    {
        Description = "outpatient hospital NCCI files (default: rules/ncci/outpatient-hospital above the packs)",
        HelpName = "P",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Practitioner);
        command.Options.Add(OutpatientHospital);
    }

    public NcciSnapshot Load(ParseResult parse, string near, CliConsole console)
    {
        var report = new QuietReport(console);
        return new NcciSnapshot(
            LoadOne(NcciTableKind.Practitioner, Practitioner.Name, parse.GetValue(Practitioner) ?? Find(near, "practitioner"), report),
            LoadOne(NcciTableKind.OutpatientHospital, OutpatientHospital.Name, parse.GetValue(OutpatientHospital) ?? Find(near, "outpatient-hospital"), report),
            DateTimeOffset.UtcNow);
    }

    /// <exception cref="CommandFailedException">The path is not there (exit 3) or holds no loadable table (exit 1).</exception>
    private static NcciTableSet? LoadOne(NcciTableKind kind, string setting, string? path, INcciLoadReport report)
    {
        if (path is null)
        {
            return null;
        }

        InputPaths.RequireExisting([path]);
        try
        {
            return NcciLoader.Load(kind, setting, [Path.GetFullPath(path)], report);
        }
        catch (NcciLoadException ex)
        {
            throw new CommandFailedException(ExitCodes.Problems, ex.Message);
        }
    }

    private static string? Find(string near, string table)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(near)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ncci", table);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            candidate = Path.Combine(dir.FullName, "rules", "ncci", table);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private sealed class QuietReport(CliConsole console) : INcciLoadReport
    {
        public void MalformedRow(MalformedRow row) => console.Error.WriteLine($"malformed {row}");

        public void FileRead(string file, long rows, long malformed, TimeSpan elapsed) => console.Error.WriteLine($"NCCI: {file} ({rows} rows)");
    }
}
