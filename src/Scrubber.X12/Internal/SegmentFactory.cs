using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace Scrubber.X12.Internal;

/// <summary>Turns the bytes of one segment into an <see cref="X12Segment"/>; short values are shared within a read.</summary>
internal sealed class SegmentFactory
{
    private readonly Dictionary<int, string> _short = [];
    private byte[] _scratch = [];

    /// <param name="raw">The segment without its terminator and without leading filler.</param>
    /// <param name="offset">Where <paramref name="raw"/> starts in the file.</param>
    /// <param name="separators">The interchange's delimiters.</param>
    /// <param name="dropLineBreaks">True when CR/LF are not the terminator, so any inside the segment are wrapping, not data.</param>
    public X12Segment Create(ReadOnlySpan<byte> raw, long offset, X12Separators separators, bool dropLineBreaks)
    {
        if (dropLineBreaks && raw.ContainsAny(X12Bytes.Cr, X12Bytes.Lf))
        {
            raw = DropLineBreaks(raw);
        }

        var element = (byte)separators.Element;
        var idLength = 0;
        while (idLength < raw.Length && idLength < 3 && X12Bytes.IsUpperOrDigit(raw[idLength]))
        {
            idLength++;
        }

        // ISA is let through whatever follows it: the envelope reader reports a nested ISA as a truncated interchange.
        var isIsa = idLength == 3 && raw.StartsWith("ISA"u8);
        if (idLength < 2 || (uint)(raw[0] - 'A') > 'Z' - 'A' || (!isIsa && idLength < raw.Length && raw[idLength] != element))
        {
            throw new X12FormatException(
                $"expected a segment id at byte {offset}, found '{X12Bytes.Preview(raw, 0)}' " +
                $"(segments start with 2–3 upper-case letters or digits followed by '{X12Bytes.Describe(element)}')",
                offset,
                null);
        }

        var id = Intern(raw[..idLength]);
        if (isIsa && idLength < raw.Length && raw[idLength] != element)
        {
            return new X12Segment(id, [], offset, separators);
        }

        return new X12Segment(id, idLength >= raw.Length ? [] : Split(raw[(idLength + 1)..], element), offset, separators);
    }

    private ImmutableArray<string> Split(ReadOnlySpan<byte> data, byte element)
    {
        var values = new string[data.Count(element) + 1];
        var index = 0;
        foreach (var range in data.Split(element))
        {
            var value = data[range];
            values[index++] = value.Length switch
            {
                0 => string.Empty,
                <= 3 => Intern(value),
                _ => Encoding.UTF8.GetString(value),
            };
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    /// <summary>
    /// Segment ids and short values (qualifiers such as HC, 472, 6R, CO) repeat thousands of times in a file; sharing
    /// one string per distinct value roughly halves what a read allocates.
    /// </summary>
    private string Intern(ReadOnlySpan<byte> text)
    {
        var key = text.Length << 24;
        for (var i = 0; i < text.Length; i++)
        {
            key |= text[i] << (8 * i);
        }

        if (!_short.TryGetValue(key, out var value))
        {
            value = Encoding.UTF8.GetString(text);
            _short.Add(key, value);
        }

        return value;
    }

    private ReadOnlySpan<byte> DropLineBreaks(ReadOnlySpan<byte> raw)
    {
        if (_scratch.Length < raw.Length)
        {
            _scratch = new byte[Math.Max(raw.Length, 256)];
        }

        var length = 0;
        foreach (var b in raw)
        {
            if (!X12Bytes.IsLineBreak(b))
            {
                _scratch[length++] = b;
            }
        }

        return _scratch.AsSpan(0, length);
    }
}
