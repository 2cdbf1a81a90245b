using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Scrubber.Core.Ncci.Snapshots;

/// <summary>Writes little-endian values and raw arrays, hashing every byte for the trailing checksum.</summary>
internal sealed class SnapshotWriter(Stream stream) : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Int32(int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        Bytes(bytes);
    }

    public void Int64(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        Bytes(bytes);
    }

    public void String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Int32(bytes.Length);
        Bytes(bytes);
    }

    public void Strings(IReadOnlyCollection<string> values)
    {
        Int32(values.Count);
        foreach (var value in values)
        {
            String(value);
        }
    }

    /// <summary>The array's bytes as they lie in memory; the reader checks the machine is little-endian.</summary>
    public void Array<T>(T[] values)
        where T : unmanaged
    {
        Int32(values.Length);
        Bytes(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        _hash.AppendData(bytes);
    }

    /// <summary>Ends the file with the SHA-256 of everything before it.</summary>
    public void Checksum() => stream.Write(_hash.GetHashAndReset());

    public void Dispose() => _hash.Dispose();
}
