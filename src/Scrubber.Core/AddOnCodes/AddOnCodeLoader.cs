using System.Diagnostics;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.AddOnCodes;

/// <summary>Loads the configured CMS add-on code (AOC) files into an <see cref="AddOnCodeTableSet"/>, one table per release.</summary>
public static class AddOnCodeLoader
{
    private static readonly CmsFileNaming<AddOnCodeFileName> Naming = new(
        AddOnCodeFileName.Parse,
        static (message, inner) => inner is null ? new NcciLoadException(message) : new NcciLoadException(message, inner),
        "add-on code file (expected names like AOC_V2026Q2-MCR.txt or a zip holding one)",
        "which release it is (expected a CMS name such as AOC_V2026Q2-MCR.txt)");

    /// <summary>Reads every file and builds each release's table.</summary>
    /// <param name="configKey">The setting the paths came from (e.g. <c>AddOnCodes:Files</c>), for error messages.</param>
    /// <param name="paths">Absolute paths of files, folders or zips; one file per release.</param>
    /// <param name="report">Told of each file read, as it happens; none when null. No row is ever skipped as
    /// malformed, so <see cref="INcciLoadReport.MalformedRow"/> is never called.</param>
    /// <exception cref="NcciLoadException">A path is missing or unreadable, a release is given twice, a row
    /// cannot be read (the message names the file and line), or a file holds no row.</exception>
    public static AddOnCodeTableSet Load(string configKey, IReadOnlyList<string> paths, INcciLoadReport? report = null)
    {
        var tables = new List<AddOnCodeTable>();
        var files = CmsSourceFiles.Expand(configKey, paths, Naming);
        foreach (var release in files.GroupBy(f => f.Name.Version, StringComparer.Ordinal))
        {
            var given = release.ToArray();
            if (given.Length > 1)
            {
                throw new NcciLoadException(
                    $"{configKey}: release {release.Key} is given twice ('{given[0].DisplayName}' and '{given[1].DisplayName}').");
            }

            tables.Add(LoadRelease(given[0], report));
        }

        return new AddOnCodeTableSet([.. tables]);
    }

    private static AddOnCodeTable LoadRelease(CmsSourceFile<AddOnCodeFileName> file, INcciLoadReport? report)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = new List<AddOnCodeRow>();
        AddOnCodeFileReader.FileResult result;
        try
        {
            using var stream = file.Open();
            result = AddOnCodeFileReader.Read(stream, file.DisplayName, rows);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new NcciLoadException($"'{file.DisplayName}' could not be read: {ex.Message}", ex);
        }

        if (result.Rows == 0)
        {
            throw new NcciLoadException(
                $"'{file.DisplayName}' holds no add-on code row ({result.Lines} lines read). Is it a CMS AOC text file in the layout rules/ncci/README.md describes?");
        }

        report?.FileRead(file.DisplayName, result.Rows, 0, Stopwatch.GetElapsedTime(started));
        return AddOnCodeTableBuilder.Build(rows, file.Name.Version, file.Name.AppliesFrom, [file.DisplayName]);
    }
}
