using System.Collections.Immutable;
using System.Diagnostics;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Pfs;

/// <summary>Loads the configured CMS physician fee schedule RVU files into a <see cref="PfsTableSet"/>, one index per
/// release.</summary>
public static class PfsLoader
{
    private static readonly CmsFileNaming<PfsFileName> Naming = new(
        PfsFileName.Parse,
        static (message, inner) => inner is null ? new NcciLoadException(message) : new NcciLoadException(message, inner),
        "CMS fee schedule RVU file (expected names like PPRRVU2026_Jul_nonQPP.csv or the CMS RVU zip)",
        "which fee schedule release it is (expected a CMS name such as PPRRVU2026_Jul_nonQPP.csv)",
        ".csv");

    /// <summary>Reads every file and builds each release's index; a release is one file, named by its month.</summary>
    /// <remarks>CMS's quarterly zip holds a QPP and a non-QPP file of the same month, which differ only in the conversion
    /// factor and payment columns: the non-QPP one is read and the QPP twin is passed over. Two files of the same month
    /// and variant are refused.</remarks>
    /// <param name="configKey">The setting the paths came from, for error messages, e.g. <c>Pfs:Files</c>.</param>
    /// <param name="paths">Absolute paths of CSV files, folders of them, or CMS zips.</param>
    /// <param name="report">Told of each file read.</param>
    /// <exception cref="NcciLoadException">A path is missing or unreadable, a name cannot be dated, a release is given
    /// twice, or a file has a row that cannot be read (named by file and line).</exception>
    public static PfsTableSet Load(string configKey, IReadOnlyList<string> paths, INcciLoadReport report)
    {
        var files = CmsSourceFiles.Expand(configKey, paths, Naming);
        var chosen = new List<CmsSourceFile<PfsFileName>>();
        foreach (var file in files)
        {
            var index = chosen.FindIndex(c => c.Name.Effective == file.Name.Effective);
            if (index < 0)
            {
                chosen.Add(file);
            }
            else if (chosen[index].Name.Qpp == file.Name.Qpp)
            {
                throw new NcciLoadException(
                    $"{configKey}: release {file.Name.Version} is given twice ('{chosen[index].DisplayName}' and '{file.DisplayName}').");
            }
            else if (chosen[index].Name.Qpp)
            {
                chosen[index] = file;
            }
        }

        return new PfsTableSet([.. chosen.Select(f => Read(f, report))]);
    }

    private static PfsTable Read(CmsSourceFile<PfsFileName> file, INcciLoadReport report)
    {
        var started = Stopwatch.GetTimestamp();
        Dictionary<ulong, PfsEntry> entries;
        try
        {
            using var stream = file.Open();
            entries = PfsFileReader.Read(stream, file.DisplayName);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new NcciLoadException($"'{file.DisplayName}' could not be read: {ex.Message}", ex);
        }

        if (entries.Count == 0)
        {
            throw new NcciLoadException($"'{file.DisplayName}' holds no row after its header. Is it a CMS fee schedule RVU CSV file?");
        }

        report.FileRead(file.DisplayName, entries.Count, 0, Stopwatch.GetElapsedTime(started));
        var byDays = new int[GlobalDaysText.Count];
        var codes = new HashSet<ulong>();
        foreach (var (key, entry) in entries)
        {
            codes.Add(key >> 16);
            if ((key & 0xFFFF) == 0)
            {
                byDays[(int)entry.GlobalDays]++;
            }
        }

        var info = new PfsTableInfo(file.Name.Version, file.Name.Effective, [file.DisplayName], entries.Count, codes.Count, ImmutableArray.Create(byDays));
        return new PfsTable(info, entries);
    }
}
