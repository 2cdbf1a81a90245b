using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Scrubber.Core.Ncci.Snapshots;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote, hashing as it goes; every failure names the file and offset.</summary>
internal sealed class SnapshotReader(Stream stream, string file) : IDisposable
{
    /// <summary>No string in a snapshot (versions, file names, rationales) is near this long.</summary>
    private const int MaxStringBytes = 64 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly long _length = stream.Length;
    private long _offset;

    public int Int32()
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        Bytes(bytes);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes);
    }

    public long Int64()
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        Bytes(bytes);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }

    public string String()
    {
        var length = Count(MaxStringBytes, 1, "string");
        var bytes = new byte[length];
        Bytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    public string[] Strings(int max)
    {
        var strings = new string[Count(max, sizeof(int), "list")];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = String();
        }

        return strings;
    }

    public T[] Array<T>()
        where T : unmanaged
    {
        var size = Marshal.SizeOf<T>();
        var values = GC.AllocateUninitializedArray<T>(Count(int.MaxValue / size, size, "array"));
        Bytes(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public void Bytes(Span<byte> into)
    {
        if (_offset + into.Length > _length)
        {
            throw Fail($"the file ends at byte {_length:N0} but {into.Length:N0} more bytes are needed at byte {_offset:N0}: it is truncated");
        }

        stream.ReadExactly(into);
        _hash.AppendData(into);
        _offset += into.Length;
    }

    /// <summary>Checks the trailing SHA-256 and that nothing follows it.</summary>
    public void VerifyChecksum()
    {
        var expected = _hash.GetHashAndReset();
        Span<byte> stored = stackalloc byte[expected.Length];
        if (_length - _offset != stored.Length)
        {
            throw Fail($"expected the {stored.Length}-byte checksum at byte {_offset:N0} and then the end, but the file is {_length:N0} bytes");
        }

        stream.ReadExactly(stored);
        if (!stored.SequenceEqual(expected))
        {
            throw Fail("the checksum does not match its contents: the file is damaged; compile it again");
        }
    }

    public NcciLoadException Fail(string why) => new($"'{file}' is not a usable NCCI snapshot: {why}.");

    public void Dispose() => _hash.Dispose();

    /// <summary>A length prefix, checked against a ceiling and against the bytes left, so a damaged prefix fails
    /// with a message instead of allocating gigabytes.</summary>
    private int Count(int max, int minBytesEach, string what)
    {
        var at = _offset;
        var count = Int32();
        if (count < 0 || count > max || (long)count * minBytesEach > _length - _offset)
        {
            throw Fail($"the {what} length {count:N0} at byte {at:N0} is impossible");
        }

        return count;
    }
}
