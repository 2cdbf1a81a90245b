using System.Text;
using Scrubber.Core.AddOnCodes;
using Scrubber.Core.Claims;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.AddOnCodes;

/// <summary>Writes add-on code files in the layout the loader reads, and finds the bundled sample.</summary>
internal static class AddOnCodeFiles
{
    /// <summary>The hand-written sample the service loads by default (rules/ncci/add-on).</summary>
    public static string Sample => Path.Combine(RepositoryPaths.Root, "rules", "ncci", "add-on", "AOC_V2026Q3-MCR.sample.txt");

    /// <summary>The preamble, then <paramref name="rows"/> as given, Latin-1, CRLF.</summary>
    public static string Write(string path, params string[] rows)
    {
        File.WriteAllText(path, AddOnCodeLayout.Preamble + string.Join("\r\n", rows) + "\r\n", Encoding.Latin1);
        return path;
    }

    /// <summary>A row: dates as ISO text, or null for none; a null primary is the type 2 placeholder.</summary>
    public static string Row(int type, string addOn, string? primary, string effective, string? deleted = null,
        string? addOnDeleted = null, string? primaryDeleted = null, string notes = "") =>
        AddOnCodeLayout.FormatRow((AddOnEditType)type, HcpcsCode.Parse(addOn), Date(addOnDeleted), primary is null ? null : HcpcsCode.Parse(primary),
            Date(primaryDeleted), Date(effective)!.Value, Date(deleted), notes);

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
