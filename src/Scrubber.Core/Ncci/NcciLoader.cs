using System.Diagnostics;
using Scrubber.Core.Ncci.Snapshots;

namespace Scrubber.Core.Ncci;

/// <summary>Loads the configured CMS PTP files of one table into a <see cref="NcciTableSet"/>, one index per release.</summary>
public static class NcciLoader
{
    /// <summary>Reads every file, groups them by release, and builds each release's index.</summary>
    /// <param name="kind">The table the paths must hold.</param>
    /// <param name="configKey">The setting the paths came from, for error messages.</param>
    /// <param name="paths">Absolute paths of files, folders of parts, CMS zips, or compiled snapshots (<c>.ncci</c>).</param>
    /// <param name="report">Told of each file read and each malformed row, as they happen.</param>
    /// <exception cref="NcciLoadException">A path is missing or unreadable, a file is of the other table, a part or
    /// a release is given twice, a file holds no valid row, or a snapshot is damaged.</exception>
    public static NcciTableSet Load(NcciTableKind kind, string configKey, IReadOnlyList<string> paths, INcciLoadReport report)
    {
        var releases = new List<PtpTable>();
        var textPaths = new List<string>();
        foreach (var path in paths)
        {
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
            foreach (var release in NcciSourceFile.Expand(configKey, textPaths).GroupBy(s => s.Name.TableVersion))
            {
                releases.Add(LoadRelease(kind, configKey, [.. release], report));
            }
        }

        var repeated = releases.GroupBy(r => r.Info.TableVersion).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new NcciLoadException($"{configKey}: release {repeated.Key} is given twice (in a snapshot and in text files, or in two snapshots).");
        }

        return new NcciTableSet(kind, [.. releases]);
    }

    private static PtpTable LoadRelease(NcciTableKind kind, string configKey, IReadOnlyList<NcciSourceFile> files, INcciLoadReport report)
    {
        var builder = new PtpTableBuilder();
        long malformed = 0;
        var parts = new SortedSet<int>();
        foreach (var file in files)
        {
            if (file.Name.Kind != kind)
            {
                throw new NcciLoadException(
                    $"{configKey}: '{file.DisplayName}' is a {NcciFileName.Stem(file.Name.Kind)} file, not {NcciFileName.Stem(kind)}.");
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
                result = PtpFileReader.Read(stream, file.DisplayName, builder, report.MalformedRow);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                throw new NcciLoadException($"'{file.DisplayName}' could not be read: {ex.Message}", ex);
            }

            if (result.Rows == 0)
            {
                throw new NcciLoadException(
                    $"'{file.DisplayName}' holds no valid PTP row ({result.Lines} lines read, {result.Malformed} malformed). " +
                    "Is it a CMS NCCI PTP text file?");
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
            counts.Overlaps));
    }
}
