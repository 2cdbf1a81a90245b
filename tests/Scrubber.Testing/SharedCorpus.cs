namespace Scrubber.Testing;

/// <summary>Public sample files kept beside the repository (../shared/data), whose licences keep them out of it.</summary>
/// <remarks>Tests over them use <see cref="SharedCorpusFactAttribute"/> and <see cref="SharedCorpusTheoryAttribute"/> so they are skipped, not failed, on a clone without the folder.</remarks>
public static class SharedCorpus
{
    /// <summary>The X12 samples: 835/, 837p/, odd/ and a README naming each file's source and licence.</summary>
    public static string X12 { get; } = Folder("x12");

    /// <summary>CMS NCCI samples (a PTP excerpt, an MUE excerpt, record counts).</summary>
    public static string Ncci { get; } = Folder("ncci");

    /// <summary>A folder of the corpus by name.</summary>
    public static string Folder(string name) => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data", name));

    /// <summary>Why a test over <paramref name="folder"/> (a corpus folder above) is skipped here, or null when it is present.</summary>
    public static string? SkipReason(string folder) =>
        Directory.Exists(folder) ? null : $"The shared corpus folder {folder} is absent; corpus tests run only where it is.";
}
