namespace Scrubber.X12.Internal;

/// <summary>Finds an interchange's delimiters from its ISA by counting element separators, not by fixed offsets.</summary>
/// <remarks>
/// A conforming ISA is 106 bytes with ISA16 at offset 104, but real files pad ISA02/ISA04 or the ids wrongly, so
/// fixed offsets pick the wrong bytes. ISA16 is the byte after the 16th element separator, and the terminator the
/// byte after ISA16. Line breaks inside the ISA are skipped: files hard-wrapped at 80 columns break it anywhere.
/// </remarks>
internal static class InterchangeHeader
{
    /// <summary>A padded ISA is longer than 106 bytes, but one without 16 separators in this many is not an ISA.</summary>
    private const int MaxLength = 256;

    /// <summary>The delimiters an ISA declares and the index of its segment terminator.</summary>
    public readonly record struct Delimiters(byte Element, byte Component, byte Terminator, int TerminatorIndex);

    public static Delimiters Find(ReadOnlySpan<byte> content, int isaStart)
    {
        var position = isaStart + 3;
        if (position >= content.Length)
        {
            throw Truncated(content, isaStart, 0);
        }

        var element = content[position];
        if (!IsDelimiter(element) || X12Bytes.IsLineBreak(element))
        {
            throw new X12FormatException(
                $"not X12: the ISA at byte {isaStart} is followed by '{X12Bytes.Describe(element)}', not an element separator",
                isaStart,
                "ISA");
        }

        var separators = 1;
        var length = 4;
        var sixteenth = -1;
        for (position++; position < content.Length; position++)
        {
            var b = content[position];
            if (X12Bytes.IsLineBreak(b))
            {
                continue;
            }

            if (++length > MaxLength)
            {
                throw new X12FormatException(
                    $"not X12: the ISA at byte {isaStart} has no 16th element separator within {MaxLength} bytes", isaStart, "ISA");
            }

            if (b == element && ++separators == 16)
            {
                sixteenth = position;
                break;
            }
        }

        if (sixteenth < 0)
        {
            throw Truncated(content, isaStart, separators);
        }

        var componentIndex = X12Bytes.SkipLineBreaks(content, sixteenth + 1);
        if (componentIndex + 1 >= content.Length)
        {
            throw new X12FormatException(
                $"truncated: the ISA at byte {isaStart} ends at ISA16 with no segment terminator (the data ends at byte {content.Length})",
                isaStart,
                "ISA");
        }

        var component = content[componentIndex];
        var terminatorIndex = FindTerminator(content, componentIndex + 1, element);
        var terminator = content[terminatorIndex];
        Validate(content, isaStart, element, componentIndex, terminatorIndex);
        return new Delimiters(element, component, terminator, terminatorIndex);
    }

    /// <summary>
    /// The terminator is the byte after ISA16. When that is a line break but the next byte after the line breaks is
    /// punctuation rather than the start of GS, the file was wrapped between ISA16 and its real terminator.
    /// </summary>
    private static int FindTerminator(ReadOnlySpan<byte> content, int afterComponent, byte element)
    {
        if (!X12Bytes.IsLineBreak(content[afterComponent]))
        {
            return afterComponent;
        }

        var next = X12Bytes.SkipLineBreaks(content, afterComponent);
        return next < content.Length && IsDelimiter(content[next]) && content[next] != element && !X12Bytes.IsLineBreak(content[next])
            ? next
            : afterComponent;
    }

    private static void Validate(ReadOnlySpan<byte> content, int isaStart, byte element, int componentIndex, int terminatorIndex)
    {
        byte component = content[componentIndex], terminator = content[terminatorIndex];
        if (!IsDelimiter(component) || component == element || X12Bytes.IsLineBreak(component))
        {
            throw new X12FormatException(
                $"ISA16 at byte {componentIndex} is '{X12Bytes.Describe(component)}', which cannot be a component separator " +
                $"(the ISA at byte {isaStart} may have fewer than 16 elements)",
                isaStart,
                "ISA");
        }

        if (!IsDelimiter(terminator) || terminator == element || terminator == component)
        {
            throw new X12FormatException(
                $"the byte after ISA16 (byte {terminatorIndex}) is '{X12Bytes.Describe(terminator)}', which cannot be a segment " +
                $"terminator (the ISA at byte {isaStart} may have fewer than 16 elements)",
                isaStart,
                "ISA");
        }

        // Counting runs past a short ISA into the next segments; the terminator turning up inside the counted span shows it.
        var early = content[isaStart..componentIndex].IndexOf(terminator);
        if (early >= 0)
        {
            throw new X12FormatException(
                $"the ISA at byte {isaStart} has fewer than 16 elements: its segment terminator '{X12Bytes.Describe(terminator)}' " +
                $"appears at byte {isaStart + early}, before ISA16",
                isaStart,
                "ISA");
        }
    }

    /// <summary>A delimiter is ASCII punctuation or a control byte (some networks use 0x1C–0x1F), never a letter, digit or space.</summary>
    public static bool IsDelimiter(byte b) => b < 0x80 && b != 0 && b != (byte)' ' && !X12Bytes.IsLetterOrDigit(b);

    /// <summary>The ISA ran out after <paramref name="separators"/> element separators: the elements before the last one are complete.</summary>
    private static X12FormatException Truncated(ReadOnlySpan<byte> content, int isaStart, int separators) => new(
        $"truncated: the ISA at byte {isaStart} ends after {Math.Max(0, separators - 1)} of its 16 elements (the data ends at byte {content.Length})",
        isaStart,
        "ISA");
}
