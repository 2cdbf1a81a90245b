using Scrubber.Core.Claims;

namespace Scrubber.Core.Ncci;

/// <summary>Reads one CMS PTP text file (Latin-1, tab-separated, CRLF or LF) into a <see cref="PtpTableBuilder"/>.</summary>
/// <remarks>
/// The preamble is the AMA notice and a header wrapped over several lines (domain.md §1.2); its length is not fixed,
/// so every line before the first one whose column 1 cell looks like a code is preamble. After that, a line that
/// cannot be read is a malformed row: counted, kept as a sample, and skipped.
/// </remarks>
internal static class PtpFileReader
{
    private const int BufferSize = 1 << 20;
    private const byte Tab = (byte)'\t';

    /// <summary>How much of the start of a file must be free of NUL bytes: the preamble and the first rows.</summary>
    private const int TextCheckBytes = 4096;

    /// <summary>The result of reading one file.</summary>
    public readonly record struct FileResult(long Rows, long Malformed, long Lines);

    public static FileResult Read(Stream stream, string fileName, PtpTableBuilder builder, Action<MalformedRow> onMalformed)
    {
        var buffer = new byte[BufferSize];
        int filled = 0, lineNumber = 0;
        long rows = 0, malformed = 0;
        var inData = false;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (lineNumber == 0 && filled == 0)
            {
                CheckIsText(buffer.AsSpan(0, read));
            }

            filled += read;
            var span = buffer.AsSpan(0, filled);
            var consumed = 0;
            while (true)
            {
                var newline = span[consumed..].IndexOf((byte)'\n');
                if (newline < 0 && read > 0)
                {
                    break;
                }

                var end = newline < 0 ? span.Length : consumed + newline;
                var line = span[consumed..end];
                consumed = newline < 0 ? span.Length : end + 1;
                if (newline < 0 && line.IsEmpty)
                {
                    break;
                }

                lineNumber++;
                ReadLine(line.TrimEnd((byte)'\r'), lineNumber, fileName, builder, onMalformed, ref inData, ref rows, ref malformed);
                if (newline < 0)
                {
                    break;
                }
            }

            if (read == 0)
            {
                return new FileResult(rows, malformed, lineNumber);
            }

            if (consumed == 0 && filled == buffer.Length)
            {
                // One line longer than the buffer: not a PTP row. Skip to its end.
                onMalformed(new MalformedRow(fileName, lineNumber + 1, $"line longer than {BufferSize} bytes"));
                malformed++;
                filled = 0;
                SkipPastNewline(stream);
                lineNumber++;
                continue;
            }

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }
    }

    /// <summary>Refuses a file whose start is not 8-bit text: UTF-16 (a re-saved table) and binary files would otherwise
    /// read as a long preamble and fail with "no valid row", which does not say what is wrong.</summary>
    /// <exception cref="InvalidDataException">The start holds a NUL byte or a UTF-16 byte order mark.</exception>
    private static void CheckIsText(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith([(byte)0xFF, (byte)0xFE]) || start.StartsWith([(byte)0xFE, (byte)0xFF]))
        {
            throw new InvalidDataException("byte 0 is a UTF-16 byte order mark; CMS PTP files are Latin-1 text, use the file as downloaded.");
        }

        var nul = start[..Math.Min(start.Length, TextCheckBytes)].IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new InvalidDataException($"byte {nul} is NUL: this is UTF-16 or binary, not the Latin-1 text of a CMS PTP file.");
        }
    }

    private static void ReadLine(
        ReadOnlySpan<byte> line, int lineNumber, string fileName, PtpTableBuilder builder,
        Action<MalformedRow> onMalformed, ref bool inData, ref long rows, ref long malformed)
    {
        if (line.IsEmpty || line.IndexOfAnyExcept((byte)'\t', (byte)' ') < 0)
        {
            return;
        }

        var error = TryAdd(line, builder, out var looksLikeData);
        if (error is null)
        {
            inData = true;
            rows++;
            return;
        }

        if (!inData && !looksLikeData)
        {
            return;
        }

        inData = true;
        malformed++;
        onMalformed(new MalformedRow(fileName, lineNumber, error));
    }

    /// <summary>Adds the row, or returns why it cannot be read.</summary>
    private static string? TryAdd(ReadOnlySpan<byte> line, PtpTableBuilder builder, out bool looksLikeData)
    {
        Span<Range> cells = stackalloc Range[8];
        var count = SplitTabs(line, cells);
        looksLikeData = count > 0 && HcpcsCode.TryParse(line[cells[0]].Trim((byte)' '), out _);
        if (count < 6)
        {
            return $"expected 7 tab-separated fields, found {count}";
        }

        if (!HcpcsCode.TryParse(line[cells[0]].Trim((byte)' '), out var column1))
        {
            return $"column 1 code '{Text(line[cells[0]])}' is not 5 letters or digits";
        }

        if (!HcpcsCode.TryParse(line[cells[1]].Trim((byte)' '), out var column2))
        {
            return $"column 2 code '{Text(line[cells[1]])}' is not 5 letters or digits";
        }

        var before1996Cell = line[cells[2]].Trim((byte)' ');
        if (!before1996Cell.IsEmpty && !before1996Cell.SequenceEqual("*"u8))
        {
            return $"prior-to-1996 flag '{Text(before1996Cell)}' is neither empty nor '*'";
        }

        if (!PtpDate.TryParse(line[cells[3]].Trim((byte)' '), out var effective))
        {
            return $"effective date '{Text(line[cells[3]])}' is not a YYYYMMDD date";
        }

        var deletionCell = line[cells[4]].Trim((byte)' ');
        ushort deletion;
        if (deletionCell.SequenceEqual("*"u8))
        {
            deletion = PtpDate.Open;
        }
        else if (!PtpDate.TryParse(deletionCell, out deletion))
        {
            return $"deletion date '{Text(deletionCell)}' is neither '*' nor a YYYYMMDD date";
        }

        if (deletion < effective)
        {
            return "deletion date is before the effective date";
        }

        var indicatorCell = line[cells[5]].Trim((byte)' ');
        if (indicatorCell.Length != 1 || indicatorCell[0] is not ((byte)'0' or (byte)'1' or (byte)'9'))
        {
            return $"modifier indicator '{Text(indicatorCell)}' is not 0, 1 or 9";
        }

        var rationale = count > 6 ? line[cells[6]].Trim((byte)' ') : default;
        builder.Add(column1, column2, effective, deletion, (byte)(indicatorCell[0] - '0'), !before1996Cell.IsEmpty, rationale);
        return null;
    }

    /// <summary>Splits on tabs into at most <paramref name="cells"/>.Length ranges; the last takes the rest.</summary>
    private static int SplitTabs(ReadOnlySpan<byte> line, Span<Range> cells)
    {
        int count = 0, start = 0;
        while (count < cells.Length - 1)
        {
            var tab = line[start..].IndexOf(Tab);
            if (tab < 0)
            {
                break;
            }

            cells[count++] = new Range(start, start + tab);
            start += tab + 1;
        }

        cells[count++] = new Range(start, line.Length);
        return count;
    }

    private static string Text(ReadOnlySpan<byte> cell) =>
        System.Text.Encoding.Latin1.GetString(cell.Length > 40 ? cell[..40] : cell);

    private static void SkipPastNewline(Stream stream)
    {
        int b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n')
        {
        }
    }
}
