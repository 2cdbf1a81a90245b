using System.IO.Compression;

namespace Scrubber.Core.Ncci;

/// <summary>One file of a CMS NCCI table (PTP, MUE or add-on) to read: a file on disk or an entry inside a CMS zip.</summary>
/// <param name="DisplayName">How errors name it: the path, or <c>zip path!entry</c>.</param>
/// <param name="FileName">The name that says what the file holds: the file's own name, or the entry's.</param>
/// <param name="ZipName">For a zip entry, the zip's file name (CMS sometimes names only the zip); otherwise null.</param>
/// <param name="Open">Opens the bytes for reading.</param>
public sealed record TableFile(string DisplayName, string FileName, string? ZipName, Func<Stream> Open)
{
    /// <summary>Expands configured paths (files, folders, zips) into the table files they hold.</summary>
    /// <param name="configKey">The setting the paths came from, e.g. <c>Mue:Practitioner</c>, for error messages.</param>
    /// <param name="paths">Absolute paths.</param>
    /// <param name="extension">The extension of a table file, with its dot (<c>.txt</c>, <c>.csv</c>), any case.</param>
    /// <param name="belongs">Whether a file found in a folder (its name, then its path for errors) is one of the table's:
    /// a folder may hold other files.</param>
    /// <param name="expected">What the table's files are named like, for the error when a path holds none.</param>
    /// <exception cref="NcciLoadException">A path is missing, is not a readable zip, or holds no table file.</exception>
    public static IReadOnlyList<TableFile> Expand(string configKey, IReadOnlyList<string> paths, string extension, Func<string, string, bool> belongs, string expected)
    {
        var files = new List<TableFile>();
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
                        AddZip(file, extension, files);
                    }
                    else if (Has(file, extension) && belongs(Path.GetFileName(file), file))
                    {
                        files.Add(new TableFile(file, Path.GetFileName(file), null, () => File.OpenRead(file)));
                    }
                }
            }
            else if (File.Exists(path))
            {
                if (IsZip(path))
                {
                    AddZip(path, extension, files);
                }
                else
                {
                    files.Add(new TableFile(path, Path.GetFileName(path), null, () => File.OpenRead(path)));
                }
            }
            else
            {
                throw new NcciLoadException($"{configKey}[{i}]: '{path}' does not exist.");
            }

            if (files.Count == before)
            {
                throw new NcciLoadException($"{configKey}[{i}]: '{path}' holds no {expected}.");
            }
        }

        return files;
    }

    private static void AddZip(string zipPath, string extension, List<TableFile> files)
    {
        using var zip = OpenZip(zipPath);
        foreach (var entry in zip.Entries.Where(e => Has(e.Name, extension)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var entryName = entry.FullName;
            files.Add(new TableFile($"{zipPath}!{entryName}", entry.Name, Path.GetFileName(zipPath), () => new ZipEntryStream(OpenZip(zipPath), entryName)));
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

    private static bool IsZip(string path) => Has(path, ".zip");

    private static bool Has(string path, string extension) => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase);

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
