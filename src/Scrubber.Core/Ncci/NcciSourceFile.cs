namespace Scrubber.Core.Ncci;

/// <summary>One PTP text file to read: a file on disk or a <c>.TXT</c> entry inside a CMS zip.</summary>
/// <param name="DisplayName">How errors name it: the path, or <c>zip path!entry</c>.</param>
/// <param name="Name">Table, version and part from the file name.</param>
/// <param name="Open">Opens the text for reading.</param>
internal sealed record NcciSourceFile(string DisplayName, NcciFileName Name, Func<Stream> Open)
{
    /// <summary>Expands configured paths (files, folders of parts, zips) into the text files they hold.</summary>
    /// <param name="configKey">The setting the paths came from, e.g. <c>Ncci:Practitioner</c>, for error messages.</param>
    /// <param name="paths">Absolute paths.</param>
    /// <exception cref="NcciLoadException">A path is missing, or holds no file named like a CMS PTP part.</exception>
    public static IReadOnlyList<NcciSourceFile> Expand(string configKey, IReadOnlyList<string> paths) =>
    [
        .. TableFile.Expand(configKey, paths, ".txt", (name, path) => NcciFileName.Parse(name, path) is not null,
                "NCCI PTP file (expected names like ccipra-v322r0-f1.TXT or the CMS zip)")
            .Select(f => new NcciSourceFile(f.DisplayName, NameOf(f), f.Open)),
    ];

    /// <summary>The name of the file, or of its zip when the entry's own name does not say (CMS names the zip).</summary>
    private static NcciFileName NameOf(TableFile file) =>
        NcciFileName.Parse(file.FileName, file.DisplayName)
            ?? (file.ZipName is { } zip ? NcciFileName.Parse(zip, file.DisplayName) : null)
            ?? throw new NcciLoadException(
                $"'{file.DisplayName}': the file name does not say which table, version and part it is (expected a CMS name such as ccipra-v322r0-f1.TXT).");
}
