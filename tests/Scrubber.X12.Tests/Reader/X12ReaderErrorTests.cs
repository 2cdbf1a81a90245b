using System.Text;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Reader;

public sealed class X12ReaderErrorTests
{
    private const string Profee = "835/tastypackets__835_profee.edi";

    private static readonly string ProfeeText = Encoding.ASCII.GetString(X12Fixtures.Bytes(Profee));

    [Fact]
    public void Read_PlainText_FailsAsNotX12QuotingTheStart()
    {
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(X12Fixtures.Ascii("Hello world, this is a letter.")));

        Assert.Equal("not X12: expected an ISA segment at byte 0, found 'Hello worl…'", ex.Message);
        Assert.Equal(0, ex.ByteOffset);
    }

    [Theory]
    [InlineData("", "not X12: the file is empty; expected an ISA segment at byte 0")]
    [InlineData(" \r\n\t\n", "not X12: the file holds only white space; expected an ISA segment at byte 5")]
    public void Read_EmptyInput_FailsAsNotX12(string text, string message)
    {
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(X12Fixtures.Ascii(text)));

        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("utf-16le-bom", "a UTF-16 byte-order mark at byte 0")]
    [InlineData("utf-16be-bom", "a UTF-16 byte-order mark at byte 0")]
    [InlineData("utf-16le", "a NUL byte at byte 1")]
    [InlineData("utf-16be", "a NUL byte at byte 0")]
    public void Read_Utf16Text_FailsSayingX12MustBeAsciiOrUtf8(string encoding, string evidence)
    {
        var bytes = encoding switch
        {
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ProfeeText)],
            "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(ProfeeText)],
            "utf-16le" => Encoding.Unicode.GetBytes(ProfeeText),
            _ => Encoding.BigEndianUnicode.GetBytes(ProfeeText),
        };

        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(bytes));

        Assert.Equal($"not X12: the file is UTF-16 text ({evidence}); X12 must be ASCII or UTF-8. Save it as ASCII/UTF-8 and try again.", ex.Message);
    }

    [Theory]
    [InlineData(50, "truncated: the ISA at byte 0 ends after 5 of its 16 elements (the data ends at byte 50)", 0, "ISA")]
    [InlineData(104, "truncated: the ISA at byte 0 ends at ISA16 with no segment terminator (the data ends at byte 104)", 0, "ISA")]
    [InlineData(106, "truncated: the interchange that starts with ISA at byte 0 has no IEA (the data ends at byte 106)", 0, "ISA")]
    [InlineData(140, "truncated: the functional group that starts with GS at byte 107 has no GE (the data ends at byte 140)", 107, "GS")]
    [InlineData(166, "truncated: the functional group that starts with GS at byte 107 has no GE (the data ends at byte 166)", 107, "GS")]
    [InlineData(560, "truncated: the transaction set 835 that starts with ST at byte 166 has no SE (the data ends at byte 560)", 166, "ST")]
    [InlineData(1839, "truncated: the transaction set 835 that starts with ST at byte 166 has no SE (the data ends at byte 1839)", 166, "ST")]
    [InlineData(1851, "truncated: the functional group that starts with GS at byte 107 has no GE (the data ends at byte 1851)", 107, "GS")]
    [InlineData(1865, "truncated: the interchange that starts with ISA at byte 0 has no IEA (the data ends at byte 1865)", 0, "ISA")]
    public void Read_FileCutShort_FailsNamingTheOpenSegmentAndItsOffset(int length, string message, long offset, string segment)
    {
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(X12Fixtures.Bytes(Profee)[..length]));

        Assert.Equal(message, ex.Message);
        Assert.Equal(offset, ex.ByteOffset);
        Assert.Equal(segment, ex.Segment);
    }

    [Theory]
    [InlineData("SE*65*1740~\n", "truncated: the transaction set 835 that starts with ST at byte 166 has no SE before the GE at byte 1839")]
    [InlineData("GE*1*6000600~\n", "truncated: the functional group that starts with GS at byte 107 has no GE before the IEA at byte 1851")]
    public void Read_TrailerMissing_FailsNamingTheOpenSegment(string removed, string message)
    {
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(X12Fixtures.Ascii(ProfeeText.Replace(removed, "", StringComparison.Ordinal))));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Read_IeaMissingBeforeTheNextIsa_FailsAsTruncatedInterchange()
    {
        var text = ProfeeText.Replace("IEA*1*006000600~", "", StringComparison.Ordinal) + ProfeeText;

        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(X12Fixtures.Ascii(text)));

        Assert.Equal("truncated: the interchange that starts with ISA at byte 0 has no IEA before the ISA at byte 1865", ex.Message);
    }

    [Fact]
    public void Read_SegmentCountOffByOne_WarnsNamingBothCountsAndFailsWhenStrict()
    {
        var bytes = X12Fixtures.Ascii(ProfeeText.Replace("SE*65*1740", "SE*64*1740", StringComparison.Ordinal));

        var warning = Assert.Single(X12Reader.Read(bytes).Warnings);
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(bytes, X12Fixtures.Strict));

        Assert.StartsWith("the SE at byte 1839 says transaction set 835 (ST at byte 166) has 64 segments, but it has 65", warning.Message, StringComparison.Ordinal);
        Assert.StartsWith(warning.Message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ST*835*1740~\n", "ST*835*1740~\nclp*1*2~", "expected a segment id at byte 179, found 'clp*1*2' (segments start with 2–3 upper-case letters or digits followed by '*')")]
    [InlineData("GS*HP*", "REF*EV*X~GS*HP*", "the REF at byte 107 is outside a transaction set: expected ST before it")]
    [InlineData("ST*835*1740~\n", "ST*~\n", "the ST at byte 166 has no transaction set identifier (ST01 is empty)")]
    [InlineData("IEA*1*006000600~", "IEA*1*006000600~\nThe end.", "expected an ISA segment at byte 1882 after the end of the interchange before it (IEA), found 'The end.'")]
    [InlineData("*:~\nGS", "*A~\nGS", "ISA16 at byte 104 is 'A', which cannot be a component separator (the ISA at byte 0 may have fewer than 16 elements)")]
    public void Read_MalformedStructure_FailsSayingWhereAndWhy(string find, string replace, string message)
    {
        var text = ProfeeText.Replace(find, replace, StringComparison.Ordinal);

        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(X12Fixtures.Ascii(text)));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Read_IsaWithFifteenElements_FailsSayingItIsShort()
    {
        var text = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P~" +
            "GS*HP*S*R*20240101*1200*1*X*005010X221A1~ST*835*0001~BPR*I*0*C*NON************20240101~SE*3*0001~GE*1*1~IEA*1*000000001~";

        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(X12Fixtures.Ascii(text)));

        // Counting runs on into GS, whose first letter then lands where ISA16 should be.
        Assert.Equal("ISA16 at byte 107 is 'H', which cannot be a component separator (the ISA at byte 0 may have fewer than 16 elements)", ex.Message);
        Assert.Equal("ISA", ex.Segment);
    }

    [Fact]
    public void Read_EnvelopeSegmentInsideABareFragment_Fails()
    {
        var ex = Assert.Throws<X12FormatException>(() => X12Reader.Read(X12Fixtures.Ascii("ST*835*1~BPR*I*0~SE*3*1~GE*1*1~")));

        Assert.StartsWith("the GE at byte 24 is an envelope segment, but the file starts with a bare ST at byte 0", ex.Message, StringComparison.Ordinal);
    }
}
