using System.Collections.Immutable;
using System.Diagnostics;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Mue;

/// <summary>Loads the configured MUE files of one table into a <see cref="MueTableSet"/>, one index per release.</summary>
public static class MueLoader
{
    private static readonly CmsFileNaming<MueFileName> Naming = new(
        MueFileName.Parse,
        static (message, inner) => inner is null ? new NcciLoadException(message) : new NcciLoadException(message, inner),
        "CMS MUE file (expected names like MCR_MUE_PractitionerServices_Eff_07-01-2026.csv or the CMS zip)",
        "which MUE table and effective date it is (expected a CMS name such as MCR_MUE_PractitionerServices_Eff_07-01-2026.csv)",
        ".csv");

    private static readonly CmsFileNaming<MueFileName> MedicaidNaming = Naming with
    {
        Expected = "Medicaid MUE file (expected names like MCD_MUE_PractitionerServices_Eff_07-01-2026.csv, or a zip of them)",
        ExpectedName = "which MUE table and effective date it is (expected a Medicaid name such as MCD_MUE_PractitionerServices_Eff_07-01-2026.csv)",
    };

    /// <summary>Reads every Medicare file and builds each release's index; a release is one file, named by its effective date.</summary>
    /// <param name="kind">The table the paths must hold.</param>
    /// <param name="configKey">The setting the paths came from, for error messages, e.g. <c>Mue:Practitioner</c>.</param>
    /// <param name="paths">Absolute paths of CSV files, folders of them, or CMS zips.</param>
    /// <param name="report">Told of each file read.</param>
    /// <exception cref="NcciLoadException">A path is missing or unreadable, a file is of another table, a release is
    /// given twice, or a file has a row that cannot be read (named by file and line).</exception>
    public static MueTableSet Load(MueTableKind kind, string configKey, IReadOnlyList<string> paths, INcciLoadReport report) =>
        Load(NcciProgram.Medicare, kind, configKey, paths, report);

    /// <summary>Reads every file of <paramref name="program"/> and builds each release's index.</summary>
    /// <param name="program">Whose table the paths must hold: Medicare (<c>MCR_MUE_…</c>) or Medicaid (<c>MCD_MUE_…</c>).</param>
    /// <param name="kind">The table the paths must hold.</param>
    /// <param name="configKey">The setting the paths came from, for error messages, e.g. <c>Mue:MedicaidPractitioner</c>.</param>
    /// <param name="paths">Absolute paths of CSV files, folders of them, or zips.</param>
    /// <param name="report">Told of each file read.</param>
    /// <exception cref="NcciLoadException">A path is missing or unreadable, a file is of another program or table, a
    /// release is given twice, or a file has a row that cannot be read (named by file and line).</exception>
    public static MueTableSet Load(NcciProgram program, MueTableKind kind, string configKey, IReadOnlyList<string> paths, INcciLoadReport report)
    {
        var files = CmsSourceFiles.Expand(configKey, paths, program == NcciProgram.Medicaid ? MedicaidNaming : Naming);
        var releases = new List<MueTable>();
        foreach (var file in files)
        {
            var name = file.Name;
            if (name.Program != program)
            {
                throw new NcciLoadException(
                    $"{configKey}: '{file.DisplayName}' is a {name.Program} MUE table, not {program} (list it under {NcciSettingNames.Mue(name.Program, name.Kind)}).");
            }

            if (name.Kind != kind)
            {
                throw new NcciLoadException(
                    $"{configKey}: '{file.DisplayName}' is the {MueFileName.TableName(name.Kind)} MUE table, not {MueFileName.TableName(kind)}.");
            }

            if (releases.Find(r => r.Info.AppliesFrom == name.Effective) is { } twice)
            {
                throw new NcciLoadException(
                    $"{configKey}: release {name.Version} is given twice ('{twice.Info.Files[0]}' and '{file.DisplayName}').");
            }

            releases.Add(Read(file, name, report));
        }

        return new MueTableSet(kind, [.. releases]);
    }

    private static MueTable Read(CmsSourceFile<MueFileName> file, MueFileName name, INcciLoadReport report)
    {
        var started = Stopwatch.GetTimestamp();
        Dictionary<Claims.HcpcsCode, MueEntry> entries;
        try
        {
            using var stream = file.Open();
            entries = MueFileReader.Read(stream, file.DisplayName, name.Kind);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new NcciLoadException($"'{file.DisplayName}' could not be read: {ex.Message}", ex);
        }

        if (entries.Count == 0)
        {
            throw new NcciLoadException($"'{file.DisplayName}' holds no MUE row after its header. Is it a CMS MUE CSV file?");
        }

        report.FileRead(file.DisplayName, entries.Count, 0, Stopwatch.GetElapsedTime(started));
        var byIndicator = new int[3];
        foreach (var entry in entries.Values)
        {
            byIndicator[(int)entry.Indicator - 1]++;
        }

        var info = new MueTableInfo(name.Kind, name.Version, name.Effective, [file.DisplayName], entries.Count,
            entries.Values.Count(e => e.Value == 0), ImmutableArray.Create(byIndicator))
        {
            Program = name.Program,
        };
        return new MueTable(info, entries);
    }
}
