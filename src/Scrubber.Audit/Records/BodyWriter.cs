using System.Buffers.Binary;
using System.Buffers;
using System.Text;

namespace Scrubber.Audit.Records;

/// <summary>Writes a record body: unsigned LEB128 varints, zigzag for signed values, UTF-8 strings behind their
/// length. Short ids and codes take a byte or two over their text, and no column name repeats per row.</summary>
internal sealed class BodyWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public void Byte(byte value) => _buffer.Write([value]);

    public void Varint(ulong value)
    {
        Span<byte> bytes = stackalloc byte[10];
        var n = 0;
        while (value >= 0x80)
        {
            bytes[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        bytes[n++] = (byte)value;
        _buffer.Write(bytes[..n]);
    }

    public void Signed(long value) => Varint((ulong)((value << 1) ^ (value >> 63)));

    public void Fixed64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        _buffer.Write(bytes);
    }

    public void Double(double value)
    {
        // Whole units, by far the usual, take a varint; fractions keep their exact bits.
        if (value >= 0 && value <= uint.MaxValue && value == Math.Floor(value))
        {
            Varint((ulong)value << 1);
            return;
        }

        Varint(1);
        Fixed64(BitConverter.DoubleToInt64Bits(value));
    }

    public void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Varint((ulong)length);
        var span = _buffer.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        _buffer.Advance(length);
    }

    /// <summary>Bytes behind their length: a patient key's 32 bytes rather than its 64 hex digits.</summary>
    public void Bytes(ReadOnlySpan<byte> value)
    {
        Varint((ulong)value.Length);
        _buffer.Write(value);
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}
