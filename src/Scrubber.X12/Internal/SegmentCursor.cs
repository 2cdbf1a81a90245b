namespace Scrubber.X12.Internal;

/// <summary>Walks the segments of one interchange (or one bare fragment) from a start position, one at a time.</summary>
internal sealed class SegmentCursor(byte[] content, int position, X12Separators separators, SegmentFactory factory, ReadWarnings warnings)
{
    private readonly byte _terminator = (byte)separators.Segment;

    /// <summary>When the terminator is a line break, CR and LF both end a segment (files move between CRLF and LF systems).</summary>
    private readonly bool _lineTerminated = X12Bytes.IsLineBreak((byte)separators.Segment);

    /// <summary>The first byte not yet read.</summary>
    public int Position { get; private set; } = position;

    /// <summary>The next segment, or null at the end of the data. A last segment without terminator is still a segment.</summary>
    public X12Segment? Next()
    {
        var span = content.AsSpan();
        while (true)
        {
            var start = X12Bytes.SkipFiller(span, Position);
            if (start >= span.Length)
            {
                Position = span.Length;
                return null;
            }

            if (!IsLineEnd(span[Position..start]))
            {
                warnings.Filler("blank lines, spaces or tabs between segments", Position, null);
            }

            var rest = span[start..];
            var length = _lineTerminated ? rest.IndexOfAny(X12Bytes.Cr, X12Bytes.Lf) : rest.IndexOf(_terminator);
            Position = length < 0 ? span.Length : start + length + 1;
            if (length < 0)
            {
                length = rest.Length;
            }

            var raw = rest[..length];
            var trimmed = raw.TrimEnd(" \t"u8);
            if (trimmed.Length < raw.Length && trimmed.Length > 0)
            {
                warnings.Filler("trailing spaces inside a segment", start + trimmed.Length, null);
            }

            // An empty segment ("~~") carries nothing; skipping it is kinder than failing the file.
            if (trimmed.Length > 0)
            {
                return factory.Create(trimmed, start, separators, !_lineTerminated);
            }
        }
    }

    /// <summary>What normally follows a terminator: nothing, or one line break (CR, LF or CRLF).</summary>
    private static bool IsLineEnd(ReadOnlySpan<byte> filler) =>
        filler.Length == 0 || filler.SequenceEqual("\n"u8) || filler.SequenceEqual("\r\n"u8) || filler.SequenceEqual("\r"u8);
}
