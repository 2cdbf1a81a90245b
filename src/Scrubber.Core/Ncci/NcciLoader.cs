using System.Diagnostics;
using Scrubber.Core.Ncci.Snapshots;

namespace Scrubber.Core.Ncci;

/// <summary>Loads the configured PTP files of one table into a <see cref="NcciTableSet"/>, one index per release.</summary>
public static class NcciLoader
{
    /// <summary>Reads every Medicare file, groups them by release, and builds each release's index.</summary>
    /// <param name="kind">The table the paths must hold.</param>
    /// <param name="configKey">The setting the paths came from, for error messages.</param>
    /// <param name="paths">Absolute paths of files, folders of parts, CMS zips, or compiled snapshots (<c>.ncci</c>).</param>
    /// <param name="report">Told of each file read and each malformed row, as they happen.</param>
    /// <exception cref="NcciLoadException">A path is missing or unreadable, a file is of the other table, a part or
    /// a release is given twice, a file holds no valid row, or a snapshot is damaged.</exception>
    public static NcciTableSet Load(NcciTableKind kind, string configKey, IReadOnlyList<string> paths, INcciLoadReport report) =>
        Load(NcciProgram.Medicare, kind, configKey, paths, report);

    /// <summary>Reads every file of <paramref name="program"/>, groups them by release, and builds each release's
    /// index. Medicare files are read in CMS's layout; Medicaid files in the layout found from their content.</summary>
    /// <param name="program">Whose table the paths must hold.</param>
    /// <param name="kind">The table the paths must hold.</param>
    /// <param name="configKey">The setting the paths came from, for error messages.</param>
    /// <param name="paths">Absolute paths of files, folders of parts, zips, or (Medicare only) compiled snapshots.</param>
    /// <param name="report">Told of each file read, each layout found and each malformed row, as they happen.</param>
    /// <exception cref="NcciLoadException">A path is missing or unreadable, a file is of another program or table, a
    /// part or a release is given twice, a file holds no valid row or its columns cannot be found, or a snapshot is
    /// damaged or given for Medicaid.</exception>
    public static NcciTableSet Load(NcciProgram program, NcciTableKind kind, string configKey, IReadOnlyList<string> paths, INcciLoadReport report)
    {
        var releases = new List<PtpTable>();
        var textPaths = new List<string>();
        foreach (var path in paths)
        {
            if (NcciSnapshotFile.IsSnapshot(path) && program == NcciProgram.Medicaid)
            {
                // A snapshot records its table kind but not its program: read as Medicaid it could be Medicare's.
                throw new NcciLoadException($"{configKey}: '{path}' is a compiled snapshot; Medicaid tables are loaded from their text files or zips.");
            }

            if (NcciSnapshotFile.IsSnapshot(path) && File.Exists(path))
            {
                var started = Stopwatch.GetTimestamp();
                var snapshot = NcciSnapshotFile.Read(path, kind);
                releases.AddRange(snapshot.Releases);
                report.FileRead(path, snapshot.Releases.Sum(r => r.Info.Rows), 0, Stopwatch.GetElapsedTime(started));
            }
            else
            {
                textPaths.Add(path);
            }
        }

        if (textPaths.Count > 0)
        {
            foreach (var release in NcciSourceFile.Expand(configKey, textPaths, program).GroupBy(s => s.Name.TableVersion))
            {
                releases.Add(LoadRelease(program, kind, configKey, [.. release], report));
            }
        }

        var repeated = releases.GroupBy(r => r.Info.TableVersion).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new NcciLoadException($"{configKey}: release {repeated.Key} is given twice (in a snapshot and in text files, or in two snapshots).");
        }

        return new NcciTableSet(kind, [.. releases]);
    }

    private static PtpTable LoadRelease(NcciProgram program, NcciTableKind kind, string configKey, IReadOnlyList<NcciSourceFile> files, INcciLoadReport report)
    {
        var builder = new PtpTableBuilder();
        long malformed = 0;
        var parts = new SortedSet<int>();
        foreach (var file in files)
        {
            if (file.Name.Program != program || file.Name.Kind != kind)
            {
                throw new NcciLoadException(
                    $"{configKey}: '{file.DisplayName}' is a {NcciFileName.Stem(file.Name.Program, file.Name.Kind)} file, not {NcciFileName.Stem(program, kind)}" +
                    (file.Name.Program != program ? $" (list it under {NcciSettingNames.Ptp(file.Name.Program, file.Name.Kind)})." : "."));
            }

            if (!parts.Add(file.Name.Part))
            {
                throw new NcciLoadException(
                    $"{configKey}: part {file.Name.PartName} of {file.Name.TableVersion} is given twice (again in '{file.DisplayName}').");
            }

            var started = Stopwatch.GetTimestamp();
            PtpFileReader.FileResult result;
            try
            {
                using var stream = file.Open();
                result = program == NcciProgram.Medicaid
                    ? PtpFileReader.Read(stream, file.DisplayName, builder, report.MalformedRow, null, layout => report.LayoutFound(file.DisplayName, layout.ToString()))
                    : PtpFileReader.Read(stream, file.DisplayName, builder, report.MalformedRow);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new NcciLoadException($"'{file.DisplayName}' could not be read: {ex.Message}", ex);
            }

            if (result.Rows == 0)
            {
                throw new NcciLoadException(
                    $"'{file.DisplayName}' holds no valid PTP row ({result.Lines} lines read, {result.Malformed} malformed). " +
                    $"Is it a {(program == NcciProgram.Medicaid ? "Medicaid" : "CMS")} NCCI PTP text file?");
            }

            malformed += result.Malformed;
            report.FileRead(file.DisplayName, result.Rows, result.Malformed, Stopwatch.GetElapsedTime(started));
        }

        var first = files[0].Name;
        return builder.Build(counts => new NcciTableInfo(
            kind,
            first.TableVersion,
            first.AppliesFrom,
            [.. parts.Select(p => $"f{p}")],
            [.. files.Select(f => f.DisplayName)],
            counts.Rows,
            counts.Pairs,
            malformed,
            counts.Overlaps)
        {
            Program = program,
        });
    }
}
