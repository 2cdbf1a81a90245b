using System.CommandLine;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Mue;
using Scrubber.Core.Ncci;
using Scrubber.Core.Pfs;

namespace Scrubber.Cli;

/// <summary>The NCCI tables rule commands scrub examples with: given paths, else the samples under rules/ncci found
/// above the pack folder, else none (examples that need NCCI then fail and say so). The practitioner MUE table and the
/// add-on code edits come from the same place, so an explained claim gets every edit the service would give it; so does
/// the fee schedule RVU file (global periods), and the Medicaid tables (rules/ncci/medicaid) that Medicaid packs edit with.</summary>
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

    public Option<string?> MuePractitioner { get; } = new("--mue-practitioner")
    {
        Description = "practitioner MUE files, folder or zip (default: rules/ncci/mue/practitioner above the packs)",
        HelpName = "P",
    };

    public Option<string?> MedicaidPractitioner { get; } = new("--medicaid-practitioner")
    {
        Description = "Medicaid practitioner NCCI files, folder or zip (default: rules/ncci/medicaid/practitioner above the packs)",
        HelpName = "P",
    };

    public Option<string?> MedicaidOutpatientHospital { get; } = new("--medicaid-outpatient-hospital")
    {
        Description = "Medicaid outpatient hospital NCCI files (default: rules/ncci/medicaid/outpatient-hospital above the packs)",
        HelpName = "P",
    };

    public Option<string?> MedicaidMuePractitioner { get; } = new("--medicaid-mue-practitioner")
    {
        Description = "Medicaid practitioner MUE files, folder or zip (default: rules/ncci/medicaid/mue/practitioner above the packs)",
        HelpName = "P",
    };

    public Option<string?> AddOnCodes { get; } = new("--add-on-codes")
    {
        Description = "add-on code edit files, folder or zip (default: rules/ncci/add-on above the packs)",
        HelpName = "P",
    };

    public Option<string?> Pfs { get; } = new("--pfs")
    {
        Description = "fee schedule RVU (PPRRVU) files, folder or zip (default: rules/ncci/pfs above the packs)",
        HelpName = "P",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Practitioner);
        command.Options.Add(OutpatientHospital);
        command.Options.Add(MuePractitioner);
        command.Options.Add(MedicaidPractitioner);
        command.Options.Add(MedicaidOutpatientHospital);
        command.Options.Add(MedicaidMuePractitioner);
        command.Options.Add(AddOnCodes);
        command.Options.Add(Pfs);
    }

    public NcciSnapshot Load(ParseResult parse, string near, CliConsole console)
    {
        var report = new QuietReport(console);
        return new NcciSnapshot(
            LoadOne(Practitioner.Name, parse.GetValue(Practitioner) ?? Find(near, "practitioner"),
                (key, path) => NcciLoader.Load(NcciTableKind.Practitioner, key, [path], report)),
            LoadOne(OutpatientHospital.Name, parse.GetValue(OutpatientHospital) ?? Find(near, "outpatient-hospital"),
                (key, path) => NcciLoader.Load(NcciTableKind.OutpatientHospital, key, [path], report)),
            DateTimeOffset.UtcNow)
        {
            Mue = new MueTables(
                LoadOne(MuePractitioner.Name, parse.GetValue(MuePractitioner) ?? Find(near, Path.Combine("mue", "practitioner")),
                    (key, path) => MueLoader.Load(MueTableKind.Practitioner, key, [path], report)),
                null,
                null),
            Medicaid = new MedicaidNcciTables(
                LoadOne(MedicaidPractitioner.Name, parse.GetValue(MedicaidPractitioner) ?? Find(near, Path.Combine("medicaid", "practitioner")),
                    (key, path) => NcciLoader.Load(NcciProgram.Medicaid, NcciTableKind.Practitioner, key, [path], report)),
                LoadOne(MedicaidOutpatientHospital.Name, parse.GetValue(MedicaidOutpatientHospital) ?? Find(near, Path.Combine("medicaid", "outpatient-hospital")),
                    (key, path) => NcciLoader.Load(NcciProgram.Medicaid, NcciTableKind.OutpatientHospital, key, [path], report)),
                new MueTables(
                    LoadOne(MedicaidMuePractitioner.Name, parse.GetValue(MedicaidMuePractitioner) ?? Find(near, Path.Combine("medicaid", "mue", "practitioner")),
                        (key, path) => MueLoader.Load(NcciProgram.Medicaid, MueTableKind.Practitioner, key, [path], report)),
                    null,
                    null)),
            AddOnCodes = LoadOne(AddOnCodes.Name, parse.GetValue(AddOnCodes) ?? Find(near, "add-on"), (key, path) => AddOnCodeLoader.Load(key, [path], report)),
            Pfs = LoadOne(Pfs.Name, parse.GetValue(Pfs) ?? Find(near, "pfs"), (key, path) => PfsLoader.Load(key, [path], report)),
        };
    }

    /// <exception cref="CommandFailedException">The path is not there (exit 3) or holds no loadable table (exit 1).</exception>
    private static T? LoadOne<T>(string setting, string? path, Func<string, string, T> load)
        where T : class
    {
        if (path is null)
        {
            return null;
        }

        InputPaths.RequireExisting([path]);
        try
        {
            return load(setting, Path.GetFullPath(path));
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
