using System.IO.Compression;

namespace Scrubber.Core.Ncci;

/// <summary>One text file of a CMS table to read: a file on disk or an entry inside a CMS zip.</summary>
/// <typeparam name="TName">What the file name says (release, part), as the table's own name parser reads it.</typeparam>
/// <param name="DisplayName">How errors name it: the path, or <c>zip path!entry</c>.</param>
/// <param name="Name">What the file name says.</param>
/// <param name="Open">Opens the text for reading.</param>
internal sealed record CmsSourceFile<TName>(string DisplayName, TName Name, Func<Stream> Open)
    where TName : class;

/// <summary>How one kind of CMS table names its files, for <see cref="CmsSourceFiles.Expand{TName}"/>.</summary>
/// <typeparam name="TName">What a file name says.</typeparam>
/// <param name="Parse">Reads a file or entry name (second argument: how errors name it); null when it is not named
/// like the table's files. Throws when it is so named but out of range.</param>
/// <param name="Fail">Makes the table's load exception from a message and an optional cause.</param>
/// <param name="Expected">What the table's files look like, for "holds no file" errors, e.g. <c>NCCI PTP file
/// (expected names like ccipra-v322r0-f1.TXT or the CMS zip)</c>.</param>
/// <param name="ExpectedName">What a name must say, for a file given by path whose name says nothing.</param>
/// <param name="Extension">The extension of the table's files, with its dot: <c>.txt</c> (PTP, add-on codes) or
/// <c>.csv</c> (MUE), in any case.</param>
internal sealed record CmsFileNaming<TName>(
    Func<string, string, TName?> Parse,
    Func<string, Exception?, Exception> Fail,
    string Expected,
    string ExpectedName,
    string Extension = ".txt")
    where TName : class;

/// <summary>Expands configured paths (files, folders, zips) into the CMS text files they hold; shared by the PTP and
/// add-on code loaders, which differ only in how their files are named.</summary>
internal static class CmsSourceFiles
{
    /// <summary>Expands <paramref name="paths"/> in order; a folder's files and a zip's entries in name order.</summary>
    /// <param name="configKey">The setting the paths came from, for error messages.</param>
    /// <param name="paths">Absolute paths.</param>
    /// <param name="naming">How the table names its files.</param>
    /// <exception cref="Exception">Made by <see cref="CmsFileNaming{TName}.Fail"/>: a path is missing, holds no file
    /// named like the table's, or is a zip that cannot be read.</exception>
    public static IReadOnlyList<CmsSourceFile<TName>> Expand<TName>(string configKey, IReadOnlyList<string> paths, CmsFileNaming<TName> naming)
        where TName : class
    {
        var files = new List<CmsSourceFile<TName>>();
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            var before = files.Count;
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
                {
                    if (IsZip(file))
                    {
                        AddZip(file, files, naming);
                    }
                    else if (HasExtension(file, naming.Extension) && naming.Parse(Path.GetFileName(file), file) is { } name)
                    {
                        files.Add(new CmsSourceFile<TName>(file, name, () => File.OpenRead(file)));
                    }
                }
            }
            else if (File.Exists(path))
            {
                if (IsZip(path))
                {
                    AddZip(path, files, naming);
                }
                else
                {
                    files.Add(new CmsSourceFile<TName>(path, NameOf(path, path, naming), () => File.OpenRead(path)));
                }
            }
            else
            {
                throw naming.Fail($"{configKey}[{i}]: '{path}' does not exist.", null);
            }

            if (files.Count == before)
            {
                throw naming.Fail($"{configKey}[{i}]: '{path}' holds no {naming.Expected}.", null);
            }
        }

        return files;
    }

    private static void AddZip<TName>(string zipPath, List<CmsSourceFile<TName>> files, CmsFileNaming<TName> naming)
        where TName : class
    {
        using var zip = OpenZip(zipPath, naming);
        foreach (var entry in zip.Entries.Where(e => HasExtension(e.Name, naming.Extension)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var entryName = entry.FullName;
            var display = $"{zipPath}!{entryName}";
            var name = naming.Parse(entry.Name, display) ?? NameOf(zipPath, display, naming);
            files.Add(new CmsSourceFile<TName>(display, name, () => new ZipEntryStream(OpenZip(zipPath, naming), entryName)));
        }
    }

    private static ZipArchive OpenZip<TName>(string zipPath, CmsFileNaming<TName> naming)
        where TName : class
    {
        try
        {
            return ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException ex)
        {
            throw naming.Fail($"'{zipPath}' is not a readable zip: {ex.Message}", ex);
        }
    }

    private static TName NameOf<TName>(string nameSource, string display, CmsFileNaming<TName> naming)
        where TName : class =>
        naming.Parse(Path.GetFileName(nameSource), display)
            ?? throw naming.Fail($"'{display}': the file name does not say {naming.ExpectedName}.", null);

    private static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static bool HasExtension(string path, string extension) => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Keeps the archive open for as long as one entry is read.</summary>
    private sealed class ZipEntryStream(ZipArchive zip, string entryName) : Stream
    {
        private readonly Stream _inner = zip.GetEntry(entryName)!.Open();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                zip.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
