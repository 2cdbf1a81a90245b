using System.Globalization;
using nietras.SeparatedValues;
using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;

namespace Scrubber.Core.Mue;

/// <summary>Reads one CMS MUE file: CSV, Latin-1, a quoted multi-paragraph AMA notice first, then a header whose first
/// cell holds a line break (domain.md §3).</summary>
/// <remarks>
/// Read with an RFC 4180 parser, never line by line: the notice and the header cell span lines. The header is found by
/// what it says (a first cell starting "HCPCS" and a value column "… MUE Values"), not by its position, so a longer or
/// shorter notice changes nothing. Every row after it must be a code row: a wrong MUE is worse than none, so one
/// unreadable row refuses the file, naming the line, and the tables in force stay.
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
        var inData = false;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (!inData)
            {
                inData = IsHeader(row, file, line, kind);
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

            var (code, entry) = ReadRow(row, file, line, rationales);
            if (!entries.TryAdd(code, entry))
            {
                throw CmsCsv.Refused(file, line, $"code {code} is listed twice");
            }
        }

        return inData
            ? entries
            : throw new NcciLoadException($"'{file}' has no MUE header row (a first cell \"HCPCS/CPT Code\" and a \"… MUE Values\" column). Is it a CMS MUE CSV file?");
    }

    private static bool IsHeader(SepReader.Row row, string file, int line, MueTableKind kind)
    {
        if (row.ColCount < 3 || !CmsCsv.Cell(row, 0).StartsWith("HCPCS", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var values = CmsCsv.Cell(row, 1);
        if (!values.EndsWith("MUE Values", StringComparison.OrdinalIgnoreCase))
        {
            throw CmsCsv.Refused(file, line, $"the header's second column is '{CmsCsv.Clip(values)}', not '… MUE Values'");
        }

        var named = KindNamed(values);
        if (named is { } other && other != kind)
        {
            throw CmsCsv.Refused(file, line, $"the file is the {MueFileName.TableName(other)} MUE table ('{values}'), not {MueFileName.TableName(kind)}");
        }

        return true;
    }

    private static (HcpcsCode Code, MueEntry Entry) ReadRow(SepReader.Row row, string file, int line, Dictionary<string, string> rationales)
    {
        if (row.ColCount < 3)
        {
            throw CmsCsv.Refused(file, line, $"{row.ColCount} columns where a code row has 4 (code, MUE value, adjudication indicator, rationale)");
        }

        var codeText = CmsCsv.Cell(row, 0);
        if (!HcpcsCode.TryParse(codeText, out var code))
        {
            throw CmsCsv.Refused(file, line, $"the HCPCS/CPT code '{CmsCsv.Clip(codeText)}' is not five letters or digits");
        }

        // Checked as text first: a cell is outside input, and "99999999999" must be refused, not overflow an int.
        var valueText = CmsCsv.Cell(row, 1);
        if (valueText.Length is 0 or > 5 || !valueText.All(char.IsAsciiDigit) || int.Parse(valueText, CultureInfo.InvariantCulture) > MaxValue)
        {
            throw CmsCsv.Refused(file, line, $"the MUE value '{CmsCsv.Clip(valueText)}' of {code} is not a whole number from 0 to {MaxValue}");
        }

        var indicatorText = CmsCsv.Cell(row, 2);
        if (indicatorText.Length == 0 || indicatorText[0] is < '1' or > '3' || (indicatorText.Length > 1 && char.IsAsciiDigit(indicatorText[1])))
        {
            throw CmsCsv.Refused(file, line, $"the MUE adjudication indicator '{CmsCsv.Clip(indicatorText)}' of {code} does not start with 1, 2 or 3");
        }

        var rationale = row.ColCount > 3 ? CmsCsv.Cell(row, 3) : string.Empty;
        rationale = rationales.TryGetValue(rationale, out var known) ? known : rationales[rationale] = rationale;
        return (code, new MueEntry(int.Parse(valueText, CultureInfo.InvariantCulture), (MueAdjudicationIndicator)(indicatorText[0] - '0'), rationale));
    }

    private static MueTableKind? KindNamed(string valuesHeader) =>
        valuesHeader.StartsWith("Practitioner", StringComparison.OrdinalIgnoreCase) ? MueTableKind.Practitioner
        : valuesHeader.StartsWith("Outpatient Hospital", StringComparison.OrdinalIgnoreCase) ? MueTableKind.OutpatientHospital
        : valuesHeader.StartsWith("DME", StringComparison.OrdinalIgnoreCase) ? MueTableKind.Dme
        : null;
}
