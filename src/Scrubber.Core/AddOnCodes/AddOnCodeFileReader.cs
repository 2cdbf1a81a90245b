using System.Text;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.AddOnCodes;

/// <summary>Reads one add-on code file in <see cref="AddOnCodeLayout"/> into rows.</summary>
/// <remarks>
/// Unlike the PTP reader, which skips and counts a malformed row among millions, this one refuses the file at the
/// first row it cannot read: the file is small, a bad row is more likely a wrong layout than noise, and a missing
/// add-on row would quietly let add-ons through without their primaries.
/// </remarks>
internal static class AddOnCodeFileReader
{
    /// <summary>Lines read before the first row that may be preamble; a file whose first rows are further down is not
    /// an AOC file (or not in this layout).</summary>
    private const int MaxPreambleLines = 50;

    /// <summary>The result of reading one file.</summary>
    public readonly record struct FileResult(long Rows, long Lines);

    /// <exception cref="NcciLoadException">A line cannot be read: the message names the file, the line and the field.</exception>
    public static FileResult Read(Stream stream, string fileName, List<AddOnCodeRow> rows)
    {
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var line = new StringBuilder(128);
        long lineNumber = 0, read = 0;
        var inData = false;
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var c = reader.Read();
            if (c == '\n' || (c < 0 && line.Length > 0))
            {
                lineNumber++;
                if (ReadLine(line.ToString().TrimEnd('\r'), lineNumber, fileName, ref inData, notes) is { } row)
                {
                    rows.Add(row);
                    read++;
                }

                line.Clear();
            }
            else if (c >= 0)
            {
                if (c == 0)
                {
                    throw Error(fileName, lineNumber + 1, "holds a NUL byte: this is UTF-16 or binary, not the Latin-1 text of an AOC file");
                }

                if (line.Length == AddOnCodeLayout.MaxLineLength)
                {
                    throw Error(fileName, lineNumber + 1, $"is longer than {AddOnCodeLayout.MaxLineLength} characters: not an AOC row");
                }

                line.Append((char)c);
            }

            if (c < 0)
            {
                return new FileResult(read, lineNumber);
            }

            if (!inData && lineNumber > MaxPreambleLines)
            {
                throw Error(fileName, lineNumber, $"no AOC row in the first {MaxPreambleLines} lines (a row starts with the edit type and the add-on code, e.g. '111045')");
            }
        }
    }

    private static AddOnCodeRow? ReadLine(string line, long lineNumber, string fileName, ref bool inData, Dictionary<string, string> notes)
    {
        if (lineNumber == 1 && (line.StartsWith("\u00FF\u00FE", StringComparison.Ordinal) || line.StartsWith("\u00FE\u00FF", StringComparison.Ordinal)))
        {
            throw Error(fileName, 1, "starts with a UTF-16 byte order mark; AOC files are Latin-1 text, use the file as downloaded");
        }

        if (line.AsSpan().Trim(' ').IsEmpty)
        {
            return null;
        }

        if (!LooksLikeRow(line))
        {
            return inData
                ? throw Error(fileName, lineNumber, $"'{Clip(line)}' is not an AOC row (expected the edit type and the add-on code in columns 1–6)")
                : null;
        }

        inData = true;
        var problem = TryRead(line, notes, out var row);
        return problem is null ? row : throw Error(fileName, lineNumber, problem);
    }

    private static bool LooksLikeRow(string line) =>
        line.Length >= AddOnCodeLayout.AddOnStart + AddOnCodeLayout.CodeLength && char.IsAsciiDigit(line[0]) &&
        HcpcsCode.TryParse(line.AsSpan(AddOnCodeLayout.AddOnStart, AddOnCodeLayout.CodeLength), out _);

    /// <summary>Reads a row, or says what is wrong with it, naming the field and its columns.</summary>
    private static string? TryRead(string line, Dictionary<string, string> notes, out AddOnCodeRow row)
    {
        row = default;
        if (line.Length < AddOnCodeLayout.EffectiveStart + AddOnCodeLayout.DateLength)
        {
            return $"the row ends at column {line.Length}, before the AOC edit effective date (columns 30–36): truncated, or not this layout";
        }

        foreach (var separator in AddOnCodeLayout.Separators)
        {
            if (separator < line.Length && line[separator] != ' ')
            {
                return $"column {separator + 1} is '{line[separator]}', not blank: the fields are not where the AOC layout puts them";
            }
        }

        var type = line[AddOnCodeLayout.TypeColumn];
        if (type is not ('1' or '2' or '3'))
        {
            return $"AOC edit type '{type}' (column 1) is not 1, 2 or 3";
        }

        var addOn = HcpcsCode.Parse(line.Substring(AddOnCodeLayout.AddOnStart, AddOnCodeLayout.CodeLength));
        var editType = (AddOnEditType)(type - '0');
        var primaryText = Field(line, AddOnCodeLayout.PrimaryStart, AddOnCodeLayout.CodeLength);
        HcpcsCode? primary = null;
        if (primaryText.IsEmpty || primaryText.SequenceEqual(AddOnCodeLayout.ContractorPlaceholder))
        {
            if (editType != AddOnEditType.ContractorPrimaries)
            {
                return $"primary code '{primaryText}' (columns 16–20) is the contractor placeholder on a type {type} row; only type 2 rows list no primary";
            }
        }
        else if (HcpcsCode.TryParse(primaryText, out var code))
        {
            primary = code;
        }
        else
        {
            return $"primary code '{primaryText}' (columns 16–20) is not 5 letters or digits";
        }

        if (DateField(line, AddOnCodeLayout.AddOnDeletedStart, "add-on code deletion date (columns 8–14)", out var addOnDeleted) is { } bad1)
        {
            return bad1;
        }

        if (DateField(line, AddOnCodeLayout.PrimaryDeletedStart, "primary code deletion date (columns 22–28)", out var primaryDeleted) is { } bad2)
        {
            return bad2;
        }

        if (DateField(line, AddOnCodeLayout.EffectiveStart, "AOC edit effective date (columns 30–36)", out var effective) is { } bad3)
        {
            return bad3;
        }

        if (effective is null)
        {
            return "AOC edit effective date (columns 30–36) is blank";
        }

        if (DateField(line, AddOnCodeLayout.DeletedStart, "AOC edit deletion date (columns 38–44)", out var deleted) is { } bad4)
        {
            return bad4;
        }

        if (deleted < effective)
        {
            return "AOC edit deletion date (columns 38–44) is before its effective date";
        }

        row = new AddOnCodeRow(addOn, editType, primary, addOnDeleted, primaryDeleted, effective.Value, deleted, Note(line, notes));
        return null;
    }

    private static string? DateField(string line, int start, string name, out DateOnly? date)
    {
        date = null;
        var text = Field(line, start, AddOnCodeLayout.DateLength);
        if (text.IsEmpty)
        {
            return null;
        }

        if (!AddOnCodeLayout.TryParseJulian(text, out var parsed))
        {
            return $"{name} '{text}' is not a YYYYDDD date (year 1980–2099, day of the year)";
        }

        date = parsed;
        return null;
    }

    /// <summary>The field's text with blanks trimmed; empty when the line ends before it.</summary>
    private static ReadOnlySpan<char> Field(string line, int start, int length) =>
        start >= line.Length ? default : line.AsSpan(start, Math.Min(length, line.Length - start)).Trim(' ');

    /// <summary>The notes, interned: a few dozen distinct texts repeat over thousands of rows.</summary>
    private static string? Note(string line, Dictionary<string, string> notes)
    {
        if (line.Length <= AddOnCodeLayout.NotesStart)
        {
            return null;
        }

        var text = line.AsSpan(AddOnCodeLayout.NotesStart).Trim(' ');
        if (text.Length > AddOnCodeLayout.MaxNoteLength)
        {
            text = text[..AddOnCodeLayout.MaxNoteLength];
        }

        if (text.IsEmpty)
        {
            return null;
        }

        var note = text.ToString();
        if (notes.TryGetValue(note, out var interned))
        {
            return interned;
        }

        notes[note] = note;
        return note;
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static NcciLoadException Error(string fileName, long line, string problem) => new($"{fileName}:{line}: {problem}.");
}
