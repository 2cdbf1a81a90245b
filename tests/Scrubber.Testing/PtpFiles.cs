using System.Text;

namespace Scrubber.Testing;

/// <summary>Writes PTP files in the CMS layout: the real preamble and wrapped header of the excerpt, then given rows.</summary>
public static class PtpFiles
{
    /// <summary>The first six lines of the real file: AMA notice, title, and the header wrapped over four lines.</summary>
    public static IReadOnlyList<string> Preamble { get; } =
        [.. File.ReadAllLines(RepositoryPaths.PractitionerExcerpt, Encoding.Latin1).Take(6)];

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
