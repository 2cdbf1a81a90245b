using System.Text;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

/// <summary>Every PTP edit rationale of the real CMS excerpt has a row in the README's rationale table, and an
/// indicator-1 pair of two procedures with that rationale leads with the <c>recommended_action</c> the row names. A
/// rationale CMS uses that the table leaves out, or advice that drifts from what the table promises, fails here.</summary>
public sealed class RationaleTableTests : IDisposable
{
    private const string Header = "| Rationale (the CMS file's words) | Leads with | `recommended_action` |";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> RealRationales()
    {
        var data = new TheoryData<string>();
        foreach (var rationale in Rationales())
        {
            data.Add(rationale);
        }

        return data;
    }

    [Fact]
    public void TheRealExcerpt_HasTheFourRationalesTheTableWasWrittenFor() =>
        Assert.Equal(4, Rationales().Count);

    [Theory]
    [MemberData(nameof(RealRationales))]
    public void EachRationaleOfTheRealExcerpt_IsInTheTable_AndLeadsAsItsRowSays(string rationale)
    {
        // The first row naming a rationale is the one for two procedures; later rows refine it for a visit in a pair.
        var row = TableRows().FirstOrDefault(r => r.Rationales.Contains(rationale, StringComparison.Ordinal));
        Assert.True(row.Action is not null, $"the README's rationale table has no row for '{rationale}'");
        var file = PtpFiles.Write(_temp.File("ccipra-v322r0-f1.txt"), PtpFiles.Row("20610", "20611", "20100101", "*", "1", rationale));
        var tables = SampleTables.With(NcciLoader.Load(NcciTableKind.Practitioner, "k", [file], new RecordingLoadReport()));

        var result = new ClaimScrubber(new ScrubOptions()).Scrub(new ClaimBuilder().On("2026-07-01").Line("20610").Line("20611").Build(), tables, PackSet.Empty);

        var edit = Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtp);
        Assert.Equal(row.Action, $"`{ApiName(edit.Action)}`");
    }

    /// <summary>The distinct rationales of the real excerpt's rows.</summary>
    private static List<string> Rationales() =>
        // Data rows hold seven tab-separated cells; the preamble and the wrapped header lines hold no code in the first.
        [.. File.ReadAllLines(RepositoryPaths.PractitionerExcerpt, Encoding.Latin1)
            .Select(l => l.Split('\t'))
            .Where(c => c.Length == 7 && c[0].Length == 5 && c[0].All(char.IsAsciiLetterOrDigit))
            .Select(c => c[6].Trim())
            .Where(r => r.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private static List<(string Rationales, string Action)> TableRows()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith(Header, StringComparison.Ordinal));
        Assert.True(header > 0, "the rationale table's header is not in the README");
        return [.. readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|')).Select(c => (c[1].Trim(), c[3].Trim()))];
    }

    /// <summary>The proto's enum value name without its prefix: RemoveLine → REMOVE_LINE.</summary>
    private static string ApiName(RecommendedAction action) =>
        string.Concat(action.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
