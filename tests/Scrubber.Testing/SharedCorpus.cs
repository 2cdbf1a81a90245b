namespace Scrubber.Testing;

/// <summary>Public sample files kept beside the repository (../shared/data), whose licences keep them out of it.</summary>
/// <remarks>Tests over them use <see cref="SharedCorpusFactAttribute"/> so they are skipped, not failed, on a clone without the folder.</remarks>
public static class SharedCorpus
{
    /// <summary>The X12 samples: 835/, 837p/, odd/ and a README naming each file's source and licence.</summary>
    public static string X12 { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "data", "x12"));

    public static bool HasX12 => Directory.Exists(X12);

    /// <summary>Why a corpus test is skipped here, or null when the corpus is present.</summary>
    public static string? X12SkipReason => HasX12 ? null : $"The shared X12 corpus is not at {X12}; corpus tests run only where it is.";
}
