using System.Collections.Immutable;
using System.Diagnostics;

namespace Scrubber.Core.Ncci;

/// <summary>Loads the configured CMS PTP files of one table into a <see cref="NcciTableSet"/>, one index per release.</summary>
public static class NcciLoader
{
    /// <summary>Reads every file, groups them by release, and builds each release's index.</summary>
    /// <param name="kind">The table the paths must hold.</param>
    /// <param name="configKey">The setting the paths came from, for error messages.</param>
    /// <param name="paths">Absolute paths of files, folders of parts, or CMS zips.</param>
    /// <param name="report">Told of each file read and each malformed row, as they happen.</param>
    /// <exception cref="NcciLoadException">A path is missing or unreadable, a file is of the other table, a part is
    /// given twice, or a file holds no valid row.</exception>
    public static NcciTableSet Load(NcciTableKind kind, string configKey, IReadOnlyList<string> paths, INcciLoadReport report)
    {
        var sources = NcciSourceFile.Expand(configKey, paths);
        var releases = ImmutableArray.CreateBuilder<PtpTable>();
        foreach (var release in sources.GroupBy(s => s.Name.TableVersion))
        {
            releases.Add(LoadRelease(kind, configKey, [.. release], report));
        }

        return new NcciTableSet(kind, releases.ToImmutable());
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
