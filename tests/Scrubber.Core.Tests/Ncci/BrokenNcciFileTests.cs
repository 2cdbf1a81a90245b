using System.Text;
using Scrubber.Core.Ncci;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Ncci;

/// <summary>Broken PTP files through the loader: a clear error naming the file and where, never another exception.</summary>
public sealed class BrokenNcciFileTests : IDisposable
{
    private const string Key = "Ncci:Practitioner";
    private readonly TempDirectory _temp = new();
    private readonly RecordingLoadReport _report = new();

    public void Dispose() => _temp.Dispose();

    private string TablePath => _temp.File("ccipra-v322r0-f1.txt");

    [Fact]
    public void Load_TruncatedMidRow_LoadsTheWholeRowsAndNamesTheCutLine()
    {
        var excerpt = File.ReadAllBytes(RepositoryPaths.PractitionerExcerpt);
        var lastRow = Array.LastIndexOf(excerpt, (byte)'\n', excerpt.Length - 2) + 1;
        File.WriteAllBytes(TablePath, excerpt[..(lastRow + 8)]);
        var lines = excerpt[..lastRow].Count(b => b == '\n') + 1;

        var set = NcciLoader.Load(NcciTableKind.Practitioner, Key, [TablePath], _report);

        Assert.Equal(153, Assert.Single(set.Releases).Info.Rows);
        var cut = Assert.Single(_report.Malformed);
        Assert.Equal((TablePath, (long)lines), (cut.File, cut.Line));
        Assert.Contains("expected 7 tab-separated fields", cut.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BinaryGarbage_FailsNamingTheFileAndTheByte()
    {
        var garbage = new byte[256 * 1024];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(TablePath, garbage);

        var ex = Assert.Throws<NcciLoadException>(() => NcciLoader.Load(NcciTableKind.Practitioner, Key, [TablePath], _report));

        Assert.StartsWith($"'{TablePath}' could not be read: byte ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not the Latin-1 text of a CMS PTP file", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16 with byte order mark", true)]
    [InlineData("utf-16 without byte order mark", false)]
    public void Load_Utf16File_FailsSayingItIsNotLatin1(string why, bool byteOrderMark)
    {
        var text = File.ReadAllText(RepositoryPaths.PractitionerExcerpt, Encoding.Latin1);
        File.WriteAllBytes(TablePath, [.. byteOrderMark ? Encoding.Unicode.GetPreamble() : [], .. Encoding.Unicode.GetBytes(text)]);

        var ex = Assert.Throws<NcciLoadException>(() => NcciLoader.Load(NcciTableKind.Practitioner, Key, [TablePath], _report));

        Assert.True(ex.Message.Contains(TablePath, StringComparison.Ordinal) && ex.Message.Contains("UTF-16", StringComparison.Ordinal), $"{why}: {ex.Message}");
    }

    [Fact]
    public void Load_EmptyFile_FailsNamingTheFile()
    {
        File.WriteAllBytes(TablePath, []);

        var ex = Assert.Throws<NcciLoadException>(() => NcciLoader.Load(NcciTableKind.Practitioner, Key, [TablePath], _report));

        Assert.Equal($"'{TablePath}' holds no valid PTP row (0 lines read, 0 malformed). Is it a CMS NCCI PTP text file?", ex.Message);
    }

    [Fact]
    public void Load_OneEnormousLineWithNoNewline_FailsNamingTheFileAndReportsLineOne()
    {
        File.WriteAllBytes(TablePath, Enumerable.Repeat((byte)'9', 24 * 1024 * 1024).ToArray());

        var ex = Assert.Throws<NcciLoadException>(() => NcciLoader.Load(NcciTableKind.Practitioner, Key, [TablePath], _report));

        Assert.Contains($"'{TablePath}' holds no valid PTP row", ex.Message, StringComparison.Ordinal);
        var row = Assert.Single(_report.Malformed);
        Assert.Equal((TablePath, 1L, "line longer than 1048576 bytes"), (row.File, row.Line, row.Reason));
    }

    [Fact]
    public void Load_EnormousLineAmongRows_SkipsItNamingItsLineAndKeepsTheRowsAfterIt()
    {
        var rows = new[] { PtpFiles.Row("0001U", "0030U", "20180701", "*", "1"), new string('X', 3 * 1024 * 1024), PtpFiles.Row("0001A", "36591", "20201211", "*", "0") };
        PtpFiles.Write(TablePath, rows);

        var set = NcciLoader.Load(NcciTableKind.Practitioner, Key, [TablePath], _report);

        Assert.Equal(2, Assert.Single(set.Releases).Info.Rows);
        var row = Assert.Single(_report.Malformed);
        Assert.Equal((TablePath, PtpFiles.Preamble.Count + 2L), (row.File, row.Line));
    }
}
