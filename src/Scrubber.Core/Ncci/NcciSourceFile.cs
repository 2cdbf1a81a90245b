namespace Scrubber.Core.Ncci;

/// <summary>One PTP text file to read: a file on disk or a <c>.TXT</c> entry inside a CMS zip.</summary>
/// <param name="DisplayName">How errors name it: the path, or <c>zip path!entry</c>.</param>
/// <param name="Name">Table, version and part from the file name.</param>
/// <param name="Open">Opens the text for reading.</param>
internal sealed record NcciSourceFile(string DisplayName, NcciFileName Name, Func<Stream> Open)
{
    private static readonly CmsFileNaming<NcciFileName> Naming = new(
        NcciFileName.Parse,
        static (message, inner) => inner is null ? new NcciLoadException(message) : new NcciLoadException(message, inner),
        "NCCI PTP file (expected names like ccipra-v322r0-f1.TXT or the CMS zip)",
        "which table, version and part it is (expected a CMS name such as ccipra-v322r0-f1.TXT)");

    private static readonly CmsFileNaming<NcciFileName> MedicaidNaming = Naming with
    {
        Expected = "Medicaid NCCI PTP file (expected names like MCD-PTP-PRA-v2026q3-F1.txt, or a zip of them)",
        ExpectedName = "which table, version and part it is (expected a Medicaid name such as MCD-PTP-PRA-v2026q3-F1.txt)",
    };

    /// <summary>Expands configured paths (files, folders of parts, zips) into the text files they hold.</summary>
    /// <param name="configKey">The setting the paths came from, e.g. <c>Ncci:Practitioner</c>, for error messages.</param>
    /// <param name="paths">Absolute paths.</param>
    /// <param name="program">Whose files the paths should hold, for the messages.</param>
    /// <exception cref="NcciLoadException">A path is missing, or holds no file named like a PTP part.</exception>
    public static IReadOnlyList<NcciSourceFile> Expand(string configKey, IReadOnlyList<string> paths, NcciProgram program = NcciProgram.Medicare) =>
        [.. CmsSourceFiles.Expand(configKey, paths, program == NcciProgram.Medicaid ? MedicaidNaming : Naming)
            .Select(f => new NcciSourceFile(f.DisplayName, f.Name, f.Open))];
}
