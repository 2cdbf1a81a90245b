using System.Text;
using Scrubber.Testing;

namespace Scrubber.X12.Tests.Infrastructure;

/// <summary>The public sample files copied into tests/fixtures/x12 (see its README for sources and licences).</summary>
public static class X12Fixtures
{
    public static string Root => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "x12");

    /// <summary>For the imsweb samples and the Blue Cross NC fragment, whose SE01 counts are stale (see their tests).</summary>
    public static X12ReaderOptions IgnoreSegmentCounts { get; } = new() { VerifySegmentCounts = false };

    /// <summary>Every fixture, as a path relative to <see cref="Root"/> with forward slashes.</summary>
    public static IReadOnlyList<string> All { get; } = FilesUnder(Root);

    /// <summary>The X12 files under <paramref name="root"/> (not its READMEs), relative, with forward slashes.</summary>
    public static IReadOnlyList<string> FilesUnder(string root) =>
        [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".md", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary><see cref="All"/> as xunit member data.</summary>
    public static TheoryData<string> AllFiles => [.. All];

    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));

    /// <summary>Reads a fixture, skipping the SE01 check only for the files known to carry stale counts.</summary>
    public static X12Document Read(string relativePath) =>
        X12Reader.Read(Bytes(relativePath), HasStaleSegmentCounts(relativePath) ? IgnoreSegmentCounts : X12ReaderOptions.Default);

    public static bool HasStaleSegmentCounts(string relativePath) =>
        relativePath.Contains("imsweb__", StringComparison.Ordinal)
        || relativePath.Contains("keironstoddart__835_blue_cross_nc_sample", StringComparison.Ordinal);

    /// <summary>How many segments of <paramref name="document"/> have id <paramref name="id"/>.</summary>
    public static int Count(X12Document document, string id) =>
        document.Transactions.Sum(t => t.Segments.Count(s => s.Id == id));

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
