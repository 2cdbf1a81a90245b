using System.Globalization;
using nietras.SeparatedValues;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Pfs;

/// <summary>Reads one CMS physician fee schedule RVU file (PPRRVU): CSV, Latin-1, preamble and multi-row header lines
/// first, then the header row whose first cell is <c>HCPCS</c>, then one 32-column row per code and modifier
/// (domain.md §5).</summary>
/// <remarks>
/// Read with an RFC 4180 parser: descriptors hold commas and come quoted. The header is found by what it says, not by
/// its position. Only codes and numbers are kept; the DESCRIPTION column (AMA-licensed) is never copied out of the
/// parser's buffer. Every cell kept is checked as text before it is read as a number, and one unreadable row refuses
/// the file naming the line: a wrong global period is worse than none, and the tables in force stay.
/// </remarks>
internal static class PfsFileReader
{
    /// <summary>The largest file read: CMS's is about 5 MB; a bound so a damaged or hostile file cannot exhaust memory.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>The most rows a file may hold: a real one has about 19,000.</summary>
    public const int MaxRows = 200_000;

    /// <summary>Columns of a header and of every row.</summary>
    public const int Columns = 32;

    private const int Hcpcs = 0, Mod = 1, Status = 3, GlobDays = 14, PreOp = 15, IntraOp = 16, PostOp = 17,
        MultProc = 18, BilatSurg = 19, AsstSurg = 20, CoSurg = 21, TeamSurg = 22;

    public static Dictionary<ulong, PfsEntry> Read(Stream stream, string file)
    {
        using var text = CmsCsv.OpenText(stream, file, MaxFileBytes, "a CMS fee schedule RVU file is about 5 MB.", "a PPRRVU CSV file");
        using var reader = CmsCsv.Rows(text);
        var entries = new Dictionary<ulong, PfsEntry>();
        var inData = false;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (!inData)
            {
                inData = IsHeader(row, file, line);
                continue;
            }

            if (CmsCsv.IsBlank(row))
            {
                continue;
            }

            if (entries.Count >= MaxRows)
            {
                throw CmsCsv.Refused(file, line, $"more than {MaxRows:N0} rows; a fee schedule RVU file has about 19,000");
            }

            var (key, entry, code, modifier) = ReadRow(row, file, line);
            if (!entries.TryAdd(key, entry))
            {
                throw CmsCsv.Refused(file, line, modifier.Length == 0 ? $"code {code} is listed twice" : $"code {code} with modifier {modifier} is listed twice");
            }
        }

        return inData
            ? entries
            : throw new NcciLoadException($"'{file}' has no PPRRVU header row (a first cell \"HCPCS\", then \"MOD\"). Is it a CMS fee schedule RVU CSV file?");
    }

    private static bool IsHeader(SepReader.Row row, string file, int line)
    {
        if (!row[0].Span.Trim().Equals("HCPCS", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (row.ColCount != Columns)
        {
            throw CmsCsv.Refused(file, line, $"the header has {row.ColCount} columns where a PPRRVU file has {Columns}");
        }

        if (!CmsCsv.Cell(row, Mod).Equals("MOD", StringComparison.OrdinalIgnoreCase))
        {
            throw CmsCsv.Refused(file, line, $"the header's second column is '{CmsCsv.Clip(CmsCsv.Cell(row, Mod))}', not 'MOD'");
        }

        // The multi-row header may split a name over rows ("PRIC" over "IND"): either word of GLOB DAYS marks the column.
        var globDays = CmsCsv.Cell(row, GlobDays);
        if (!globDays.StartsWith("GLOB", StringComparison.OrdinalIgnoreCase) && !globDays.Equals("DAYS", StringComparison.OrdinalIgnoreCase))
        {
            throw CmsCsv.Refused(file, line, $"the header's column {GlobDays + 1} is '{CmsCsv.Clip(globDays)}', not 'GLOB DAYS'");
        }

        return true;
    }

    private static (ulong Key, PfsEntry Entry, HcpcsCode Code, string Modifier) ReadRow(SepReader.Row row, string file, int line)
    {
        if (row.ColCount != Columns)
        {
            throw CmsCsv.Refused(file, line, $"{row.ColCount} columns where a PPRRVU row has {Columns}");
        }

        var codeText = row[Hcpcs].Span.Trim();
        if (!HcpcsCode.TryParse(codeText, out var code))
        {
            throw CmsCsv.Refused(file, line, $"the HCPCS code '{CmsCsv.Clip(codeText.ToString())}' is not five letters or digits");
        }

        var modifier = row[Mod].Span.Trim();
        if (!PfsTable.TryPackModifier(modifier, out var packed))
        {
            throw CmsCsv.Refused(file, line, $"the modifier '{CmsCsv.Clip(modifier.ToString())}' of {code} is not empty or two letters or digits");
        }

        var status = row[Status].Span.Trim();
        if (status.Length != 1 || !char.IsAsciiLetter(status[0]))
        {
            throw CmsCsv.Refused(file, line, $"the status code '{CmsCsv.Clip(status.ToString())}' of {code} is not one letter");
        }

        var daysText = row[GlobDays].Span.Trim();
        if (!GlobalDaysText.TryParse(daysText, out var days))
        {
            throw CmsCsv.Refused(file, line, $"the global days '{CmsCsv.Clip(daysText.ToString())}' of {code} are not 000, 010, 090, MMM, XXX, YYY or ZZZ");
        }

        var entry = new PfsEntry(
            char.ToUpperInvariant(status[0]),
            days,
            Share(row, PreOp, "PRE OP", code, file, line),
            Share(row, IntraOp, "INTRA OP", code, file, line),
            Share(row, PostOp, "POST OP", code, file, line),
            Indicator(row, MultProc, "MULT PROC", code, file, line),
            Indicator(row, BilatSurg, "BILAT SURG", code, file, line),
            Indicator(row, AsstSurg, "ASST SURG", code, file, line),
            Indicator(row, CoSurg, "CO-SURG", code, file, line),
            Indicator(row, TeamSurg, "TEAM SURG", code, file, line));
        return (PfsTable.Key(code, packed), entry, code, modifier.ToString().ToUpperInvariant());
    }

    /// <summary>A PRE/INTRA/POST OP share: a decimal from 0 to 1 written with at most 4 decimals, checked as text first
    /// (a cell is outside input: "1e400" or a thousand digits must be refused, not parsed).</summary>
    private static decimal Share(SepReader.Row row, int index, string column, HcpcsCode code, string file, int line)
    {
        var text = row[index].Span.Trim();
        var dot = text.IndexOf('.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (text.Length == 0 || whole.Length > 1 || fraction.Length > 4 || (whole.Length == 0 && fraction.Length == 0)
            || !AllDigits(whole) || !AllDigits(fraction))
        {
            throw CmsCsv.Refused(file, line, $"the {column} share '{CmsCsv.Clip(text.ToString())}' of {code} is not a decimal from 0 to 1");
        }

        var value = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return value <= 1m
            ? value
            : throw CmsCsv.Refused(file, line, $"the {column} share '{CmsCsv.Clip(text.ToString())}' of {code} is not a decimal from 0 to 1");
    }

    /// <summary>A payment policy indicator: one digit.</summary>
    private static byte Indicator(SepReader.Row row, int index, string column, HcpcsCode code, string file, int line)
    {
        var text = row[index].Span.Trim();
        return text.Length == 1 && char.IsAsciiDigit(text[0])
            ? (byte)(text[0] - '0')
            : throw CmsCsv.Refused(file, line, $"the {column} indicator '{CmsCsv.Clip(text.ToString())}' of {code} is not one digit");
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
