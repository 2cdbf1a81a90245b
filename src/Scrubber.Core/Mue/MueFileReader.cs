using System.Globalization;
using nietras.SeparatedValues;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Mue;

/// <summary>Reads one MUE file: CSV, Latin-1, a quoted multi-paragraph AMA notice first, then a header whose code cell
/// holds a line break (domain.md §3). Medicare's and Medicaid's are read alike.</summary>
/// <remarks>
/// Read with an RFC 4180 parser, never line by line: the notice and the header cell span lines. The header is found by
/// what it says (a cell starting "HCPCS"), not by its position, so a longer or shorter notice changes nothing; its
/// columns are found by their names ("… MUE Values", "… Adjudication Indicator", "… Rationale"), not their order,
/// since the Medicaid files' order is not known (domain.md §1.5 [L]). Every row after it must be a code row: a wrong
/// MUE is worse than none, so one unreadable row refuses the file, naming the line, and the tables in force stay.
/// </remarks>
internal static class MueFileReader
{
    /// <summary>The largest file read: CMS's run to about 1 MB; a bound so a damaged or hostile file cannot exhaust memory.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>The most rows a file may hold: a real table has about 15,000 codes.</summary>
    public const int MaxRows = 200_000;

    /// <summary>The largest MUE value read; CMS's largest are in the thousands.</summary>
    private const int MaxValue = 99_999;

    public static Dictionary<HcpcsCode, MueEntry> Read(Stream stream, string file, MueTableKind kind)
    {
        using var text = CmsCsv.OpenText(stream, file, MaxFileBytes, "a CMS MUE file is about 1 MB.", "an MUE CSV file");
        using var reader = CmsCsv.Rows(text);
        var entries = new Dictionary<HcpcsCode, MueEntry>();
        var rationales = new Dictionary<string, string>(StringComparer.Ordinal);
        Columns? columns = null;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (columns is not { } found)
            {
                columns = HeaderColumns(row, file, line, kind);
                continue;
            }

            if (CmsCsv.IsBlank(row))
            {
                continue;
            }

            if (entries.Count >= MaxRows)
            {
                throw CmsCsv.Refused(file, line, $"more than {MaxRows:N0} rows; an MUE table has about 15,000 codes");
            }

            var (code, entry) = ReadRow(row, found, file, line, rationales);
            if (!entries.TryAdd(code, entry))
            {
                throw CmsCsv.Refused(file, line, $"code {code} is listed twice");
            }
        }

        return columns is not null
            ? entries
            : throw new NcciLoadException($"'{file}' has no MUE header row (a first cell \"HCPCS/CPT Code\" and a \"… MUE Values\" column). Is it a CMS MUE CSV file?");
    }

    /// <summary>The columns the header names, or null when <paramref name="row"/> is not the header.</summary>
    private static Columns? HeaderColumns(SepReader.Row row, string file, int line, MueTableKind kind)
    {
        var cells = new List<string>(row.ColCount);
        for (var i = 0; i < row.ColCount; i++)
        {
            cells.Add(CmsCsv.Cell(row, i));
        }

        var code = cells.FindIndex(c => c.StartsWith("HCPCS", StringComparison.OrdinalIgnoreCase));
        if (code < 0 || row.ColCount < 3)
        {
            return null;
        }

        var value = cells.FindIndex(c => c.EndsWith("MUE Values", StringComparison.OrdinalIgnoreCase) || c.EndsWith("MUE Value", StringComparison.OrdinalIgnoreCase));
        if (value < 0)
        {
            throw CmsCsv.Refused(file, line, $"the header '{CmsCsv.Clip(string.Join(",", cells))}' has no '… MUE Values' column");
        }

        var named = KindNamed(cells[value]);
        if (named is { } other && other != kind)
        {
            throw CmsCsv.Refused(file, line, $"the file is the {MueFileName.TableName(other)} MUE table ('{cells[value]}'), not {MueFileName.TableName(kind)}");
        }

        var indicator = cells.FindIndex(c => c.Contains("Adjudication Indicator", StringComparison.OrdinalIgnoreCase) || c.Equals("MAI", StringComparison.OrdinalIgnoreCase));
        if (indicator < 0)
        {
            throw CmsCsv.Refused(file, line, $"the header '{CmsCsv.Clip(string.Join(",", cells))}' has no '… Adjudication Indicator' column");
        }

        return new Columns(code, value, indicator, cells.FindIndex(c => c.Contains("Rationale", StringComparison.OrdinalIgnoreCase)));
    }

    private static (HcpcsCode Code, MueEntry Entry) ReadRow(SepReader.Row row, Columns columns, string file, int line, Dictionary<string, string> rationales)
    {
        if (row.ColCount < columns.Required)
        {
            throw CmsCsv.Refused(file, line, $"{row.ColCount} columns where a code row has {columns.Count} (code, MUE value, adjudication indicator, rationale)");
        }

        var codeText = CmsCsv.Cell(row, columns.Code);
        if (!HcpcsCode.TryParse(codeText, out var code))
        {
            throw CmsCsv.Refused(file, line, $"the HCPCS/CPT code '{CmsCsv.Clip(codeText)}' is not five letters or digits");
        }

        // Checked as text first: a cell is outside input, and "99999999999" must be refused, not overflow an int.
        var valueText = CmsCsv.Cell(row, columns.Value);
        if (valueText.Length is 0 or > 5 || !valueText.All(char.IsAsciiDigit) || int.Parse(valueText, CultureInfo.InvariantCulture) > MaxValue)
        {
            throw CmsCsv.Refused(file, line, $"the MUE value '{CmsCsv.Clip(valueText)}' of {code} is not a whole number from 0 to {MaxValue}");
        }

        var indicatorText = CmsCsv.Cell(row, columns.Indicator);
        if (indicatorText.Length == 0 || indicatorText[0] is < '1' or > '3' || (indicatorText.Length > 1 && char.IsAsciiDigit(indicatorText[1])))
        {
            throw CmsCsv.Refused(file, line, $"the MUE adjudication indicator '{CmsCsv.Clip(indicatorText)}' of {code} does not start with 1, 2 or 3");
        }

        var rationale = columns.Rationale >= 0 && row.ColCount > columns.Rationale ? CmsCsv.Cell(row, columns.Rationale) : string.Empty;
        rationale = rationales.TryGetValue(rationale, out var known) ? known : rationales[rationale] = rationale;
        return (code, new MueEntry(int.Parse(valueText, CultureInfo.InvariantCulture), (MueAdjudicationIndicator)(indicatorText[0] - '0'), rationale));
    }

    /// <summary>The table a value column names ("Practitioner Services MUE Values"), wherever in the cell: a Medicaid
    /// file may put its program first.</summary>
    private static MueTableKind? KindNamed(string valuesHeader) =>
        valuesHeader.Contains("Outpatient Hospital", StringComparison.OrdinalIgnoreCase) ? MueTableKind.OutpatientHospital
        : valuesHeader.Contains("DME", StringComparison.OrdinalIgnoreCase) ? MueTableKind.Dme
        : valuesHeader.Contains("Practitioner", StringComparison.OrdinalIgnoreCase) ? MueTableKind.Practitioner
        : null;

    /// <summary>Which cell of a row holds which field (0-based; a rationale of -1 is absent).</summary>
    private readonly record struct Columns(int Code, int Value, int Indicator, int Rationale)
    {
        /// <summary>The cells a code row must have: up to the last of code, value and indicator.</summary>
        public int Required => Math.Max(Code, Math.Max(Value, Indicator)) + 1;

        /// <summary>The cells of a complete row.</summary>
        public int Count => Math.Max(Required, Rationale + 1);
    }
}
