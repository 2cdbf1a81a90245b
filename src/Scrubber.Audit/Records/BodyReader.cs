using System.Buffers.Binary;
using System.Text;

namespace Scrubber.Audit.Records;

/// <summary>Reads what <see cref="BodyWriter"/> wrote; a body cut short or malformed is an <see cref="InvalidDataException"/>.</summary>
internal ref struct BodyReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _at;

    public byte Byte() => _at < _body.Length ? _body[_at++] : throw Truncated();

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A record body holds a number longer than 64 bits.");
    }

    public int Count() => Varint() is var n && n <= 100_000 ? (int)n : throw new InvalidDataException($"A record body holds a count of {n}.");

    public long Signed()
    {
        var raw = Varint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public long Fixed64()
    {
        if (_at + 8 > _body.Length)
        {
            throw Truncated();
        }

        var value = BinaryPrimitives.ReadInt64LittleEndian(_body[_at..]);
        _at += 8;
        return value;
    }

    public double Double()
    {
        var head = Varint();
        return (head & 1) == 0 ? head >> 1 : BitConverter.Int64BitsToDouble(Fixed64());
    }

    public string String() => Encoding.UTF8.GetString(Span());

    public ReadOnlySpan<byte> Span()
    {
        var length = Count();
        if (_at + length > _body.Length)
        {
            throw Truncated();
        }

        var span = _body.Slice(_at, length);
        _at += length;
        return span;
    }

    private static InvalidDataException Truncated() => new("A record body ends too early.");
}
