using System.Text;

namespace Scrubber.Testing;

/// <summary>Writes PTP files: Medicare's in the CMS layout (the real preamble and wrapped header of the excerpt), Medicaid's
/// in the assumed layout of the bundled Medicaid sample (its preamble, no prior-to-1996 column), then given rows.</summary>
public static class PtpFiles
{
    /// <summary>The first six lines of the real file: AMA notice, title, and the header wrapped over four lines.</summary>
    public static IReadOnlyList<string> Preamble { get; } =
        [.. File.ReadAllLines(RepositoryPaths.PractitionerExcerpt, Encoding.Latin1).Take(6)];

    /// <summary>The first six lines of the Medicaid sample: notice, title and the header wrapped over four lines.</summary>
    public static IReadOnlyList<string> MedicaidPreamble { get; } =
        [.. File.ReadAllLines(RepositoryPaths.MedicaidPractitionerSample, Encoding.Latin1).Take(6)];

    /// <summary>Writes the Medicaid preamble and <paramref name="rows"/> with CRLF, Latin-1, to <paramref name="path"/>.</summary>
    public static string WriteMedicaid(string path, params string[] rows)
    {
        File.WriteAllText(path, string.Join("\r\n", MedicaidPreamble.Concat(rows)) + "\r\n", Encoding.Latin1);
        return path;
    }

    /// <summary>A data row in the assumed Medicaid layout: code, code, effective, deletion, indicator, rationale.</summary>
    public static string MedicaidRow(string column1, string column2, string effective, string deletion, string indicator, string rationale = "Mutually exclusive procedures") =>
        string.Join('\t', column1, column2, effective, deletion, indicator, rationale);

    /// <summary>Writes the preamble and <paramref name="rows"/> (tab-separated) with CRLF, Latin-1, to <paramref name="path"/>.</summary>
    public static string Write(string path, params string[] rows)
    {
        File.WriteAllText(path, string.Join("\r\n", Preamble.Concat(rows)) + "\r\n", Encoding.Latin1);
        return path;
    }

    /// <summary>A data row in the file's own layout.</summary>
    public static string Row(string column1, string column2, string effective, string deletion, string indicator, string rationale = "Mutually exclusive procedures", string before1996 = "") =>
        string.Join('\t', column1, column2, before1996, effective, deletion, indicator, rationale);
}
