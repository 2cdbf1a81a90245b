using System.Text;
using Scrubber.Testing;

namespace Scrubber.X12.Tests.Infrastructure;

/// <summary>The public sample files copied into tests/fixtures/x12 (see its README for sources and licences).</summary>
public static class X12Fixtures
{
    public static string Root => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "x12");

    /// <summary>Every warning an error: how the tests show what lenient reading lets through.</summary>
    public static X12ReaderOptions Strict { get; } = new() { Strict = true };

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

    /// <summary>Reads a fixture as the service does (stale segment counts and the like are warnings).</summary>
    public static X12Document Read(string relativePath) => X12Reader.Read(Bytes(relativePath));

    /// <summary>How many segments of <paramref name="document"/> have id <paramref name="id"/>.</summary>
    public static int Count(X12Document document, string id) =>
        document.Transactions.Sum(t => t.Segments.Count(s => s.Id == id));

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
