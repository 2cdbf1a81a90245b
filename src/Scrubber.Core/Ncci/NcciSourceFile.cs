using System.IO.Compression;

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
    public static IReadOnlyList<NcciSourceFile> Expand(string configKey, IReadOnlyList<string> paths)
    {
        var files = new List<NcciSourceFile>();
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
                        AddZip(file, files);
                    }
                    else if (IsText(file) && NcciFileName.Parse(Path.GetFileName(file), file) is { } name)
                    {
                        files.Add(new NcciSourceFile(file, name, () => File.OpenRead(file)));
                    }
                }
            }
            else if (File.Exists(path))
            {
                if (IsZip(path))
                {
                    AddZip(path, files);
                }
                else
                {
                    files.Add(new NcciSourceFile(path, NameOf(path, path), () => File.OpenRead(path)));
                }
            }
            else
            {
                throw new NcciLoadException($"{configKey}[{i}]: '{path}' does not exist.");
            }

            if (files.Count == before)
            {
                throw new NcciLoadException(
                    $"{configKey}[{i}]: '{path}' holds no NCCI PTP file (expected names like ccipra-v322r0-f1.TXT or the CMS zip).");
            }
        }

        return files;
    }

    private static void AddZip(string zipPath, List<NcciSourceFile> files)
    {
        using var zip = OpenZip(zipPath);
        foreach (var entry in zip.Entries.Where(e => IsText(e.Name)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var entryName = entry.FullName;
            var display = $"{zipPath}!{entryName}";
            var name = NcciFileName.Parse(entry.Name, display) ?? NameOf(zipPath, display);
            files.Add(new NcciSourceFile(display, name, () => new ZipEntryStream(OpenZip(zipPath), entryName)));
        }
    }

    private static ZipArchive OpenZip(string zipPath)
    {
        try
        {
            return ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException ex)
        {
            throw new NcciLoadException($"'{zipPath}' is not a readable zip: {ex.Message}", ex);
        }
    }

    private static NcciFileName NameOf(string nameSource, string display) =>
        NcciFileName.Parse(Path.GetFileName(nameSource), display)
            ?? throw new NcciLoadException(
                $"'{display}': the file name does not say which table, version and part it is (expected a CMS name such as ccipra-v322r0-f1.TXT).");

    private static bool IsZip(string path) => path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static bool IsText(string path) => path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

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
