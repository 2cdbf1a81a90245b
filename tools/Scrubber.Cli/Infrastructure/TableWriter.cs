using System.Text;

namespace Scrubber.Cli;

/// <summary>Writes rows as an aligned text table or as RFC 4180 CSV.</summary>
internal static class TableWriter
{
    public static string Write<T>(IReadOnlyList<T> rows, IReadOnlyList<(string Header, Func<T, string> Value)> columns, string format)
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

        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, cells.Max(r => r[i].Length))).ToArray();
        text.AppendLine(string.Join("  ", columns.Select((c, i) => c.Header.PadRight(widths[i]))).TrimEnd());
        foreach (var row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString().TrimEnd();
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
