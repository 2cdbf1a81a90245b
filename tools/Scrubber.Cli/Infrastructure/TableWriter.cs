using System.Text;
using System.Text.RegularExpressions;

namespace Scrubber.Cli;

/// <summary>Writes rows as an aligned text table or as RFC 4180 CSV that is safe to open in a spreadsheet.</summary>
internal static partial class TableWriter
{
    public static string Write<T>(IReadOnlyList<T> rows, IReadOnlyList<(string Header, Func<T, TableCell> Value)> columns, string format)
    {
        var cells = rows.Select(r => columns.Select(c => c.Value(r)).ToArray()).ToList();
        var text = new StringBuilder();
        if (format == OutputFormat.Csv)
        {
            text.AppendLine(string.Join(',', columns.Select(c => Csv(c.Header))));
            foreach (var row in cells)
            {
                text.AppendLine(string.Join(',', row.Select(Csv)));
            }

            return text.ToString().TrimEnd();
        }

        if (cells.Count == 0)
        {
            return "No rows.";
        }

        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, cells.Max(r => r[i].Text.Length))).ToArray();
        text.AppendLine(string.Join("  ", columns.Select((c, i) => c.Header.PadRight(widths[i]))).TrimEnd());
        foreach (var row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((v, i) => v.Text.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>One CSV field. Text that starts with a character a spreadsheet reads as the start of a formula (=, +, -,
    /// @, tab, carriage return) gets a single quote in front, as OWASP's CSV injection guidance says, so a claim or
    /// payer id such as <c>=cmd|' /C calc'!A0</c> shows as text and never runs. A number stays a number: only a cell
    /// marked as one and shaped like one (<c>-42.10</c>, <c>37.5%</c>) is exempt.</summary>
    private static string Csv(TableCell cell)
    {
        var value = cell.Text;
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !(cell.IsNumber && PlainNumber().IsMatch(value)))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?( ?%)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
