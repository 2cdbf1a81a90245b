namespace Scrubber.X12.Internal;

/// <summary>Infers the delimiters of a bare ST…SE fragment, which has no ISA to declare them.</summary>
/// <remarks>
/// Some payers' portals and some samples hand out the 835 alone. The element separator is the byte after "ST"; the
/// terminator is the first byte after ST's elements that is neither a letter, a digit nor the element separator; the
/// component separator is only visible in the data, after the two-letter qualifier of the first SVC01 (<c>HC:</c>).
/// </remarks>
internal static class FragmentHeader
{
    /// <summary>Used when the fragment has no SVC to show its component separator: ':' is what the 835 guide's examples use.</summary>
    private const byte DefaultComponent = (byte)':';

    public static bool IsFragmentStart(ReadOnlySpan<byte> content, int start) =>
        content.Length > start + 2 && content[start] == (byte)'S' && content[start + 1] == (byte)'T'
        && InterchangeHeader.IsDelimiter(content[start + 2]) && !X12Bytes.IsLineBreak(content[start + 2]);

    public static X12Separators Infer(ReadOnlySpan<byte> content, int start)
    {
        var element = content[start + 2];
        var position = start + 3;
        while (position < content.Length && (X12Bytes.IsLetterOrDigit(content[position]) || content[position] == element))
        {
            position++;
        }

        if (position >= content.Length)
        {
            throw new X12FormatException(
                $"truncated: the ST at byte {start} has no segment terminator (the data ends at byte {content.Length})", start, "ST");
        }

        var terminator = content[position];
        if (!InterchangeHeader.IsDelimiter(terminator))
        {
            throw new X12FormatException(
                $"the ST at byte {start} ends with '{X12Bytes.Describe(terminator)}' at byte {position}, which cannot be a segment terminator",
                start,
                "ST");
        }

        var component = FindComponent(content[start..], element, terminator);
        return new X12Separators((char)element, (char)component, (char)terminator, null);
    }

    private static byte FindComponent(ReadOnlySpan<byte> content, byte element, byte terminator)
    {
        ReadOnlySpan<byte> svc = [(byte)'S', (byte)'V', (byte)'C', element];
        var at = content.IndexOf(svc);
        if (at < 0 || at + 6 >= content.Length
            || !X12Bytes.IsLetterOrDigit(content[at + 4]) || !X12Bytes.IsLetterOrDigit(content[at + 5]))
        {
            return DefaultComponent;
        }

        var candidate = content[at + 6];
        return InterchangeHeader.IsDelimiter(candidate) && candidate != element && candidate != terminator && !X12Bytes.IsLineBreak(candidate)
            ? candidate
            : DefaultComponent;
    }
}
