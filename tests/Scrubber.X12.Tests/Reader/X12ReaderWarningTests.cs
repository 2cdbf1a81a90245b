using System.Text;
using Scrubber.X12.Remittance;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Reader;

/// <summary>Defects payers' files carry that leave the content unambiguous: filler between and inside segments, and
/// GE01/IEA01 counts that disagree with the envelope. Each is read with a warning, and refused when reading is strict.</summary>
public sealed class X12ReaderWarningTests
{
    private const string Profee = "835/tastypackets__835_profee.edi";

    private static readonly string ProfeeText = Encoding.ASCII.GetString(X12Fixtures.Bytes(Profee));

    [Fact]
    public void Read_BlankLineAfterEverySegment_ReadsTheSameSegmentsWithOneFillerWarningCountingThePlaces()
    {
        // The ISA ends at byte 105; each of the 68 terminators followed by a line break gets a blank line more.
        var bytes = X12Fixtures.Ascii(ProfeeText.Replace("~\n", "~\n\n", StringComparison.Ordinal));

        var document = X12Reader.Read(bytes);
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(bytes, X12Fixtures.Strict));

        Assert.Equal(Segments(X12Reader.Read(X12Fixtures.Bytes(Profee))), Segments(document));
        var warning = Assert.Single(document.Warnings);
        Assert.Equal((X12WarningCodes.Filler, 106L, (string?)null), (warning.Code, warning.ByteOffset, warning.Segment));
        Assert.Equal("blank lines, spaces or tabs between segments at byte 106 (ignored; seen at 68 places)", warning.Message);
        Assert.Equal("blank lines, spaces or tabs between segments at byte 106 (refused: strict reading)", ex.Message);
    }

    [Fact]
    public void Read_TrailingSpacesInsideOneSegment_TrimsThemAndWarnsOnceAtTheFirstSpace()
    {
        var bytes = X12Fixtures.Ascii(ProfeeText.Replace("TRN*1*10100000000*1000000000~", "TRN*1*10100000000*1000000000   ~", StringComparison.Ordinal));

        var document = X12Reader.Read(bytes);

        var trn = document.Transactions.Single().Segments.Single(s => s.Id == "TRN");
        Assert.Equal("1000000000", trn.Element(3));
        var warning = Assert.Single(document.Warnings);
        Assert.Equal((X12WarningCodes.Filler, 277L), (warning.Code, warning.ByteOffset));
        Assert.Equal("trailing spaces inside a segment at byte 277 (ignored; seen once)", warning.Message);
        Assert.Throws<X12FormatException>(() => X12Reader.Read(bytes, X12Fixtures.Strict));
    }

    [Fact]
    public void Read_BlankLinesAndTrailingSpaces_AreOneFillerWarningAtTheFirstPlace()
    {
        var text = ProfeeText.Replace("TRN*1*10100000000*1000000000~", "TRN*1*10100000000*1000000000 ~", StringComparison.Ordinal)
            .Replace("SE*65*1740~\n", "SE*65*1740~\n\r\n", StringComparison.Ordinal);

        var warning = Assert.Single(X12Reader.Read(X12Fixtures.Ascii(text)).Warnings);

        Assert.Equal(X12WarningCodes.Filler, warning.Code);
        Assert.Equal("trailing spaces inside a segment at byte 277 (ignored; seen at 2 places)", warning.Message);
    }

    [Fact]
    public void Read_Ge01CountingTwoTransactionSetsWhereThereIsOne_WarnsNamingBothAndFailsWhenStrict()
    {
        var bytes = X12Fixtures.Ascii(ProfeeText.Replace("GE*1*6000600~", "GE*2*6000600~", StringComparison.Ordinal));

        var document = X12Reader.Read(bytes);
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(bytes, X12Fixtures.Strict));

        Assert.Single(document.Transactions);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal((X12WarningCodes.SegmentCount, 1851L, "GE"), (warning.Code, warning.ByteOffset, warning.Segment));
        Assert.Equal("the GE at byte 1851 says 2 transaction sets, but there are 1", warning.Message);
        Assert.Equal((1851L, "GE"), (ex.ByteOffset, ex.Segment));
    }

    [Fact]
    public void Read_Iea01CountingThreeGroupsWhereThereIsOne_WarnsNamingBothAndFailsWhenStrict()
    {
        var bytes = X12Fixtures.Ascii(ProfeeText.Replace("IEA*1*006000600~", "IEA*3*006000600~", StringComparison.Ordinal));

        var document = X12Reader.Read(bytes);
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(bytes, X12Fixtures.Strict));

        Assert.Single(document.Groups);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal((X12WarningCodes.SegmentCount, 1865L, "IEA"), (warning.Code, warning.ByteOffset, warning.Segment));
        Assert.Equal("the IEA at byte 1865 says 3 functional groups, but there are 1", warning.Message);
        Assert.Equal((1865L, "IEA"), (ex.ByteOffset, ex.Segment));
    }

    [Theory]
    [InlineData("GE*1*6000600~", "GE*one*6000600~", "GE01 'one' at byte 1851 is not a count of transaction sets; there are 1")]
    [InlineData("IEA*1*006000600~", "IEA**006000600~", "IEA01 '' at byte 1865 is not a count of functional groups; there are 1")]
    public void Read_ControlCountThatIsNotANumber_WarnsQuotingIt(string find, string replace, string message)
    {
        var warning = Assert.Single(X12Reader.Read(X12Fixtures.Ascii(ProfeeText.Replace(find, replace, StringComparison.Ordinal))).Warnings);

        Assert.Equal(X12WarningCodes.SegmentCount, warning.Code);
        Assert.Equal(message, warning.Message);
    }

    [Fact]
    public void ReadRemittance_FillerAndStaleCounts_KeepsEveryClaimAndLineAndReturnsEachWarningInFileOrder()
    {
        var text = ProfeeText.Replace("~\n", "~\n\n", StringComparison.Ordinal)
            .Replace("GE*1*6000600~", "GE*2*6000600~", StringComparison.Ordinal)
            .Replace("IEA*1*006000600~", "IEA*2*006000600~", StringComparison.Ordinal);

        var clean = Remittance835Parser.Read(X12Fixtures.Bytes(Profee));
        var file = Remittance835Parser.Read(X12Fixtures.Ascii(text));

        Assert.Equal(clean.Claims.Select(c => (c.ClaimId, c.Lines.Length)), file.Claims.Select(c => (c.ClaimId, c.Lines.Length)));
        Assert.Equal([X12WarningCodes.Filler, X12WarningCodes.SegmentCount, X12WarningCodes.SegmentCount], file.Warnings.Select(w => w.Code));
        Assert.Equal([null, "GE", "IEA"], file.Warnings.Select(w => w.Segment));
        Assert.Throws<X12FormatException>(() => Remittance835Parser.Read(X12Fixtures.Ascii(text), new RemittanceOptions { Strict = true }));
    }

    private static List<string> Segments(X12Document document) =>
        [.. document.Transactions.SelectMany(t => t.Segments).Select(s => s.ToString())];
}
