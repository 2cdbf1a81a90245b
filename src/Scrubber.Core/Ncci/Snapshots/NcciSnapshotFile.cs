using System.Collections.Immutable;

namespace Scrubber.Core.Ncci.Snapshots;

/// <summary>A compiled NCCI table set: the in-memory index of every release of one table, written by
/// <c>scrubctl ncci compile</c> and loaded in a fraction of the time the CMS text files take.</summary>
/// <remarks>
/// Layout: the magic <c>SCRBNCCI</c>, the format version, the table kind and the release count; per release its
/// description, rationales and the four index arrays exactly as they lie in memory (little-endian); then the
/// SHA-256 of everything before. The format version changes whenever the in-memory layout does, and a file of
/// another version is refused with a message to compile again.
/// </remarks>
public static class NcciSnapshotFile
{
    /// <summary>The file extension the loader recognises.</summary>
    public const string Extension = ".ncci";

    private const int FormatVersion = 1;
    private const int MaxReleases = 64;
    private static ReadOnlySpan<byte> Magic => "SCRBNCCI"u8;

    public static bool IsSnapshot(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes <paramref name="tables"/> to <paramref name="path"/> through a temporary file, so a reader
    /// never sees half a snapshot.</summary>
    public static void Write(string path, NcciTableSet tables)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var writer = new SnapshotWriter(stream))
        {
            writer.Bytes(Magic);
            writer.Int32(FormatVersion);
            writer.Int32((int)tables.Kind);
            writer.Int32(tables.Releases.Length);
            foreach (var release in tables.Releases)
            {
                release.WriteTo(writer);
            }

            writer.Checksum();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a snapshot of <paramref name="kind"/>.</summary>
    /// <exception cref="NcciLoadException">The file is missing, of the other table, of another format version,
    /// truncated, damaged (checksum) or inconsistent; the message names the file and where.</exception>
    public static NcciTableSet Read(string path, NcciTableKind kind)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new NcciLoadException($"'{path}': NCCI snapshots are little-endian; load the CMS text files on this machine.");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            using var reader = new SnapshotReader(stream, path);
            Span<byte> magic = stackalloc byte[Magic.Length];
            reader.Bytes(magic);
            if (!magic.SequenceEqual(Magic))
            {
                throw reader.Fail("it does not start with SCRBNCCI (write snapshots with 'scrubctl ncci compile')");
            }

            var version = reader.Int32();
            if (version != FormatVersion)
            {
                throw reader.Fail($"it is format {version} and this build reads format {FormatVersion}; compile it again with this build's scrubctl");
            }

            var fileKind = (NcciTableKind)reader.Int32();
            if (!Enum.IsDefined(fileKind))
            {
                throw reader.Fail($"its table kind {(int)fileKind} is unknown");
            }

            if (fileKind != kind)
            {
                throw reader.Fail($"it holds the {NcciFileName.Stem(fileKind)} table, not {NcciFileName.Stem(kind)}");
            }

            var count = reader.Int32();
            if (count is < 1 or > MaxReleases)
            {
                throw reader.Fail($"its release count {count} is impossible");
            }

            var releases = ImmutableArray.CreateBuilder<PtpTable>(count);
            for (var i = 0; i < count; i++)
            {
                releases.Add(PtpTable.ReadFrom(reader, kind));
            }

            reader.VerifyChecksum();
            return new NcciTableSet(kind, releases.MoveToImmutable());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NcciLoadException($"'{path}' could not be read: {ex.Message}", ex);
        }
    }
}
