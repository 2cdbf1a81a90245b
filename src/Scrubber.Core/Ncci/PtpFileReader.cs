using Scrubber.Core.Claims;

namespace Scrubber.Core.Ncci;

/// <summary>Reads one PTP text file (Latin-1, tab-separated, CRLF or LF) into a <see cref="PtpTableBuilder"/>: Medicare's
/// in its known layout, Medicaid's in the layout <see cref="PtpLayoutDetector"/> finds.</summary>
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

    /// <summary>Reads a Medicare file.</summary>
    public static FileResult Read(Stream stream, string fileName, PtpTableBuilder builder, Action<MalformedRow> onMalformed) =>
        Read(stream, fileName, builder, onMalformed, PtpLayout.Medicare, null);

    /// <summary>Reads a file in <paramref name="layout"/>, or, when it is null, in the layout found in its first MiB.</summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="fileName">How malformed rows name the file.</param>
    /// <param name="builder">Receives the rows.</param>
    /// <param name="onMalformed">Told of each malformed row.</param>
    /// <param name="layout">The columns, or null to find them.</param>
    /// <param name="onLayout">Told of the layout found, when it was looked for.</param>
    /// <exception cref="InvalidDataException">The file is not 8-bit text, or its columns cannot be found.</exception>
    public static FileResult Read(Stream stream, string fileName, PtpTableBuilder builder, Action<MalformedRow> onMalformed,
        PtpLayout? layout, Action<PtpLayout>? onLayout)
    {
        var buffer = new byte[BufferSize];
        int filled = 0, lineNumber = 0;
        long rows = 0, malformed = 0;
        var inData = false;
        var first = true;
        while (true)
        {
            // The first read fills the buffer (or reaches the end), so the layout is found from whole lines.
            var read = first
                ? stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)
                : stream.Read(buffer, filled, buffer.Length - filled);
            if (first)
            {
                first = false;
                CheckIsText(buffer.AsSpan(0, read));
                if (layout is null && PtpLayoutDetector.Detect(buffer.AsSpan(0, read), whole: read < buffer.Length) is { } found)
                {
                    layout = found;
                    onLayout?.Invoke(found);
                }
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
                if (layout is not null)
                {
                    ReadLine(line.TrimEnd((byte)'\r'), lineNumber, layout, fileName, builder, onMalformed, ref inData, ref rows, ref malformed);
                }

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
        ReadOnlySpan<byte> line, int lineNumber, PtpLayout layout, string fileName, PtpTableBuilder builder,
        Action<MalformedRow> onMalformed, ref bool inData, ref long rows, ref long malformed)
    {
        if (line.IsEmpty || line.IndexOfAnyExcept((byte)'\t', (byte)' ') < 0)
        {
            return;
        }

        var error = TryAdd(line, layout, builder, out var looksLikeData);
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
    private static string? TryAdd(ReadOnlySpan<byte> line, PtpLayout layout, PtpTableBuilder builder, out bool looksLikeData)
    {
        Span<Range> cells = stackalloc Range[PtpLayout.MaxCells];
        var count = SplitTabs(line, cells);
        looksLikeData = count > layout.Column1 && HcpcsCode.TryParse(Cell(line, cells[layout.Column1]), out _);
        if (count < layout.RequiredCells)
        {
            return $"expected {layout.Cells} tab-separated fields, found {count}";
        }

        if (!HcpcsCode.TryParse(Cell(line, cells[layout.Column1]), out var column1))
        {
            return $"column 1 code '{Text(line[cells[layout.Column1]])}' is not 5 letters or digits";
        }

        if (!HcpcsCode.TryParse(Cell(line, cells[layout.Column2]), out var column2))
        {
            return $"column 2 code '{Text(line[cells[layout.Column2]])}' is not 5 letters or digits";
        }

        var before1996Cell = layout.Before1996 != PtpLayout.None && count > layout.Before1996 ? Cell(line, cells[layout.Before1996]) : default;
        if (!before1996Cell.IsEmpty && !before1996Cell.SequenceEqual("*"u8))
        {
            return $"prior-to-1996 flag '{Text(before1996Cell)}' is neither empty nor '*'";
        }

        if (!PtpDate.TryParse(Cell(line, cells[layout.Effective]), out var effective))
        {
            return $"effective date '{Text(line[cells[layout.Effective]])}' is not a YYYYMMDD date";
        }

        var deletionCell = Cell(line, cells[layout.Deletion]);
        ushort deletion;
        if (deletionCell.SequenceEqual("*"u8) || (deletionCell.IsEmpty && layout.BlankDeletionIsOpen))
        {
            deletion = PtpDate.Open;
        }
        else if (!PtpDate.TryParse(deletionCell, out deletion))
        {
            return layout.BlankDeletionIsOpen
                ? $"deletion date '{Text(deletionCell)}' is neither '*', blank nor a YYYYMMDD date"
                : $"deletion date '{Text(deletionCell)}' is neither '*' nor a YYYYMMDD date";
        }

        if (deletion < effective)
        {
            return "deletion date is before the effective date";
        }

        var indicatorCell = Cell(line, cells[layout.Indicator]);
        if (indicatorCell.Length != 1 || indicatorCell[0] is not ((byte)'0' or (byte)'1' or (byte)'9'))
        {
            return $"modifier indicator '{Text(indicatorCell)}' is not 0, 1 or 9";
        }

        var rationale = layout.Rationale != PtpLayout.None && count > layout.Rationale ? Cell(line, cells[layout.Rationale]) : default;
        builder.Add(column1, column2, effective, deletion, (byte)(indicatorCell[0] - '0'), !before1996Cell.IsEmpty, rationale);
        return null;
    }

    private static ReadOnlySpan<byte> Cell(ReadOnlySpan<byte> line, Range cell) => line[cell].Trim((byte)' ');

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
