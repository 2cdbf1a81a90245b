using System.Text;
using System.Text.RegularExpressions;
using Scrubber.Core.Claims;

namespace Scrubber.Core.Ncci;

/// <summary>Finds which cell of a PTP text file holds which field, from the start of the file: for Medicaid files, whose
/// layout no source at hand confirms (domain.md §1.5 [L]).</summary>
/// <remarks>
/// <para>A data row is a line with two cells that read as HCPCS codes and one that reads as a <c>YYYYMMDD</c> date; the
/// preamble (notice, header) never has both. Over the first rows, each field is the column whose cells mostly read as
/// it: the two code columns, the column of 0, 1 and 9 (modifier indicator), the column of dates (effective) and the
/// column of dates, <c>*</c> or blanks (deletion). "Mostly" is more than half, so a damaged row among them is a
/// malformed row later, not a wrong layout.</para>
/// <para>Content cannot tell everything: which code column is column 1, or which of two all-date columns is the
/// effective date. Header cells decide where they name the field ("Column 1", "Effective", "Deletion", "Modifier",
/// "Rationale", "1996"); without them column 1 is the left code column, the effective date the one never later than
/// the other, and the deletion date the nearest date column to its right.</para>
/// </remarks>
internal static partial class PtpLayoutDetector
{
    /// <summary>The data rows looked at: enough for a majority, few enough to cost nothing.</summary>
    private const int SampleRows = 200;

    /// <summary>Finds the layout from <paramref name="head"/>, the first bytes of the file.</summary>
    /// <param name="head">The start of the file.</param>
    /// <param name="whole">Whether <paramref name="head"/> is the whole file (else its last, partial line is ignored).</param>
    /// <returns>The layout, or null when no line looks like a data row (the file then holds no valid row).</returns>
    /// <exception cref="InvalidDataException">Rows were found but a field has no column, or two columns could be it;
    /// the message names the lines looked at.</exception>
    public static PtpLayout? Detect(ReadOnlySpan<byte> head, bool whole)
    {
        var labels = new Labels();
        var sample = new List<string[]>();
        int lineNumber = 0, firstRow = 0, lastRow = 0;
        while (sample.Count < SampleRows && !head.IsEmpty)
        {
            var newline = head.IndexOf((byte)'\n');
            if (newline < 0 && !whole)
            {
                break;
            }

            var line = newline < 0 ? head : head[..newline];
            head = newline < 0 ? default : head[(newline + 1)..];
            lineNumber++;
            var cells = Split(line.TrimEnd((byte)'\r'));
            if (cells.Count(IsCode) >= 2 && cells.Any(IsDate))
            {
                sample.Add(cells);
                firstRow = firstRow == 0 ? lineNumber : firstRow;
                lastRow = lineNumber;
            }
            else if (sample.Count == 0)
            {
                labels.Read(cells);
            }
        }

        return sample.Count == 0 ? null : Infer(sample, labels, $"the {sample.Count} rows from line {firstRow} to line {lastRow}");
    }

    private static PtpLayout Infer(List<string[]> rows, Labels labels, string where)
    {
        var width = rows.Max(r => r.Length);
        bool Mostly(int column, Func<string, bool> holds) => rows.Count(r => column < r.Length && holds(r[column])) * 2 > rows.Count;
        var taken = new HashSet<int>();

        var codes = Enumerable.Range(0, width).Where(c => Mostly(c, IsCode)).ToList();
        if (codes.Count < 2)
        {
            throw Unclear(where, $"{(codes.Count == 0 ? "no column" : "only one column")} holds HCPCS codes, and a PTP row has two (column 1 and column 2)");
        }

        var (column1, column2) = labels.Column1 is { } l1 && labels.Column2 is { } l2 && l1 != l2 && codes.Contains(l1) && codes.Contains(l2)
            ? (l1, l2)
            : (codes[0], codes[1]);
        taken.UnionWith([column1, column2]);

        var indicator = Pick(Free(width, taken).Where(c => Mostly(c, IsIndicator)).ToList(), labels.Indicator, where,
            "the modifier indicator (0, 1 or 9)", "Modifier");
        taken.Add(indicator);

        var dates = Free(width, taken).Where(c => Mostly(c, IsDate)).ToList();
        var effective = labels.Effective is { } le && dates.Contains(le) ? le : dates.Count switch
        {
            0 => throw Unclear(where, "no column holds a YYYYMMDD date on most rows (the effective date)"),
            1 => dates[0],
            _ => dates.OrderBy(c => rows.Count(r => IsLaterThanAnother(r, c, dates))).ThenBy(c => c).First(),
        };
        taken.Add(effective);

        var deletions = Free(width, taken).Where(c => Mostly(c, s => IsDate(s) || s is "*" or "")).ToList();
        var surest = deletions.Count == 0 ? 0 : deletions.Min(c => Tier(rows, c));
        var deletion = labels.Deletion is { } ld && deletions.Contains(ld)
            ? ld
            : Nearest([.. deletions.Where(c => Tier(rows, c) == surest)], effective);
        if (deletion == PtpLayout.None)
        {
            throw Unclear(where, "no column holds deletion dates ('*', blank or YYYYMMDD) on most rows");
        }

        taken.Add(deletion);
        var before1996 = labels.Before1996 is { } lb && !taken.Contains(lb)
            ? lb
            : Free(width, taken).Where(c => rows.Any(r => c < r.Length && r[c] == "*") && rows.All(r => c >= r.Length || r[c] is "*" or ""))
                .DefaultIfEmpty(PtpLayout.None).First();
        taken.Add(before1996);
        var rationale = labels.Rationale is { } lr && !taken.Contains(lr)
            ? lr
            : Free(width, taken).Where(c => Mostly(c, s => s.Length > 0 && !IsCode(s) && !IsDate(s) && !IsIndicator(s)))
                .DefaultIfEmpty(PtpLayout.None).Last();
        return new PtpLayout(column1, column2, effective, deletion, indicator, before1996, rationale, BlankDeletionIsOpen: true);
    }

    /// <summary>0: the column holds dates; 1: only <c>*</c> and blanks; 2: only blanks. A deletion column with dates
    /// in it is the surest; an all-blank one the least.</summary>
    private static int Tier(List<string[]> rows, int column) =>
        rows.Any(r => column < r.Length && IsDate(r[column])) ? 0 : rows.Any(r => column < r.Length && r[column] == "*") ? 1 : 2;

    /// <summary>The candidate nearest to the right of <paramref name="anchor"/>, else nearest to its left.</summary>
    private static int Nearest(List<int> candidates, int anchor) =>
        candidates.Count == 0 ? PtpLayout.None : candidates.OrderBy(c => c > anchor ? c - anchor : 1000 + anchor - c).First();

    private static int Pick(List<int> candidates, int? labelled, string where, string field, string label) =>
        labelled is { } l && candidates.Contains(l) ? l : candidates.Count switch
        {
            1 => candidates[0],
            0 => throw Unclear(where, $"no column holds {field} on most rows"),
            _ => throw Unclear(where, $"cells {string.Join(" and ", candidates.Select(c => c + 1))} could each be {field}, and no header cell naming \"{label}\" says which"),
        };

    private static bool IsLaterThanAnother(string[] row, int column, List<int> dates) =>
        column < row.Length && IsDate(row[column]) &&
        dates.Any(other => other != column && other < row.Length && IsDate(row[other]) && string.CompareOrdinal(row[column], row[other]) > 0);

    private static IEnumerable<int> Free(int width, HashSet<int> taken) => Enumerable.Range(0, width).Where(c => !taken.Contains(c));

    private static InvalidDataException Unclear(string where, string problem) =>
        new($"its columns cannot be found from {where}: {problem}.");

    private static bool IsCode(string cell) => HcpcsCode.TryParse(cell, out _);

    private static bool IsDate(string cell) => cell.Length == 8 && PtpDate.TryParse(Encoding.Latin1.GetBytes(cell), out _);

    private static bool IsIndicator(string cell) => cell is "0" or "1" or "9";

    private static string[] Split(ReadOnlySpan<byte> line)
    {
        var cells = new List<string>();
        while (cells.Count < PtpLayout.MaxCells - 1)
        {
            var tab = line.IndexOf((byte)'\t');
            if (tab < 0)
            {
                break;
            }

            cells.Add(Encoding.Latin1.GetString(line[..tab].Trim((byte)' ')));
            line = line[(tab + 1)..];
        }

        cells.Add(Encoding.Latin1.GetString(line.Trim((byte)' ')));
        return [.. cells];
    }

    /// <summary>The columns header cells name, the first naming of each.</summary>
    private sealed partial class Labels
    {
        public int? Column1 { get; private set; }

        public int? Column2 { get; private set; }

        public int? Effective { get; private set; }

        public int? Deletion { get; private set; }

        public int? Indicator { get; private set; }

        public int? Before1996 { get; private set; }

        public int? Rationale { get; private set; }

        public void Read(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = cells[i];
                bool one = ColumnOne().IsMatch(cell), two = ColumnTwo().IsMatch(cell);

                // "Column1/Column2 Edits", a title, names both and so neither.
                Column1 ??= one && !two ? i : null;
                Column2 ??= two && !one ? i : null;
                Effective ??= Names(cell, "effective") ? i : null;
                Deletion ??= Names(cell, "deletion") || Names(cell, "deleted") ? i : null;
                Indicator ??= Names(cell, "modifier") ? i : null;
                Before1996 ??= Names(cell, "1996") ? i : null;
                Rationale ??= Names(cell, "rationale") ? i : null;
            }
        }

        private static bool Names(string cell, string word) => cell.Contains(word, StringComparison.OrdinalIgnoreCase);

        [GeneratedRegex(@"\bcol(?:umn)?\s*(?:1|one)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex ColumnOne();

        [GeneratedRegex(@"\bcol(?:umn)?\s*(?:2|two)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex ColumnTwo();
    }
}
