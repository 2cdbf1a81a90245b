using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Reader;

public sealed class X12ReaderSeparatorTests
{
    [Theory]
    [InlineData("835/tastypackets__835_profee.edi", '*', ':', '~', '^')]
    [InlineData("835/keironstoddart__835_united_healthcare_legacy_sample.txt", '*', '>', '~', '^')]
    [InlineData("835/tastypackets__835_multi-line-not-delimited.edi", '*', ':', '\n', '^')]
    [InlineData("837p/imsweb__x12_valid_different_separators.txt", '~', '^', '_', null)]
    [InlineData("837p/imsweb__x12_bad_first_line.txt", '*', ':', '~', null)]
    [InlineData("837p/xlate__sample837-original.edi", '*', '>', '\n', '`')]
    [InlineData("odd/xlate__210_NOT835_ts210_80char_wrapped.edi", '*', '>', '~', null)]
    public void Read_Fixture_TakesSeparatorsFromTheIsa(string file, char element, char component, char terminator, char? repetition)
    {
        var document = X12Fixtures.Read(file);

        var interchange = Assert.Single(document.Interchanges);
        Assert.Equal(new X12Separators(element, component, terminator, repetition), interchange.Separators);
        Assert.True(document.IsEnveloped);
    }

    [Fact]
    public void Read_IsaShorterThan106Bytes_FindsIsa16ByCountingSeparators()
    {
        var bytes = X12Fixtures.Bytes("837p/imsweb__x12_bad_first_line.txt");

        var isa = Assert.Single(X12Fixtures.Read("837p/imsweb__x12_bad_first_line.txt").Interchanges).Header!;

        // ISA02 has 9 spaces instead of 10: a fixed-offset reader would take '~' as ISA16 and the newline as terminator.
        Assert.Equal((byte)'~', bytes[104]);
        Assert.Equal("         ", isa.Element(2));
        Assert.Equal(":", isa.Element(16));
        Assert.Equal("000000905", isa.Element(13));
        Assert.Equal(16, isa.ElementCount);
    }

    [Fact]
    public void Read_TildeElementSeparatorAndUnderscoreTerminator_SplitsOnThem()
    {
        var document = X12Fixtures.Read("837p/imsweb__x12_valid_different_separators.txt");

        var transaction = Assert.Single(document.Transactions);
        Assert.Equal("837", transaction.TransactionSetId);
        Assert.Equal("987654", transaction.ControlNumber);
        var claims = transaction.Segments.Where(s => s.Id == "CLM").ToList();
        Assert.Equal<string>(["A37YH556", "A37YH667"], claims.Select(c => c.Element(1)));
        Assert.Equal<string>(["11", "B", "1"], claims[0].Components(5));
        var line = transaction.Segments.First(s => s.Id == "SV1");
        Assert.Equal<string>(["HC", "99211", "25"], line.Components(1));
        Assert.Equal("12.25", line.Element(2));
    }

    [Fact]
    public void Read_NewlineTerminatorAndBacktickRepetition_ReadsEveryLineAsASegment()
    {
        var document = X12Fixtures.Read("837p/xlate__sample837-original.edi");

        var interchange = Assert.Single(document.Interchanges);
        Assert.Equal("00402", interchange.Version);
        Assert.Equal('`', interchange.Separators.Repetition);
        var transaction = Assert.Single(document.Transactions);
        Assert.Equal(39, transaction.Segments.Length);
        Assert.Equal("945405", transaction.Segments.Single(s => s.Id == "CLM").Element(1));
        Assert.Equal<string>(["HC", "J2941"], transaction.Segments.Single(s => s.Id == "SV1").Components(1));
        Assert.Equal("1099999731", transaction.Segments.Single(s => s.Id == "REF" && s.Element(1) == "6R").Element(2));
        Assert.Equal("005010X222", Assert.Single(interchange.Groups).Version);
    }

    [Fact]
    public void Read_HardWrappedAt80Columns_JoinsSegmentsAcrossLineBreaks()
    {
        var bytes = X12Fixtures.Bytes("odd/xlate__210_NOT835_ts210_80char_wrapped.edi");

        var document = X12Reader.Read(bytes);

        // The wrap falls inside ISA10 ("022" / "4"), inside ST02, inside N9 and inside the L5 description.
        Assert.Equal("0224", document.Interchanges[0].Header!.Element(10));
        var transaction = Assert.Single(document.Transactions);
        Assert.Equal(("210", "1305"), (transaction.TransactionSetId, transaction.ControlNumber));
        Assert.Equal(31, transaction.Segments.Length);
        Assert.Equal<string>(["721295", "721295", "109483"], transaction.Segments.Where(s => s.Id == "N9").Select(s => s.Element(2)));
        Assert.Equal("N4*WILKESBORO*NC*286977576*US", transaction.Segments.First(s => s.Id == "N4").ToString());
        Assert.Contains(transaction.Segments, s => s.ToString() == "L5*3*FSC FUEL SURCHARGE 10.50%");
        Assert.Equal(2, bytes.AsSpan(0, 200).Count((byte)'\n'));
    }

    [Fact]
    public void Read_BareStFragment_InfersSeparatorsAndIsNotEnveloped()
    {
        var document = X12Fixtures.Read("835/keironstoddart__835_blue_cross_nc_sample.txt");

        Assert.False(document.IsEnveloped);
        var interchange = Assert.Single(document.Interchanges);
        Assert.Null(interchange.Header);
        Assert.Null(Assert.Single(interchange.Groups).Header);
        Assert.Equal(new X12Separators('*', ':', '~', null), interchange.Separators);
        var transaction = Assert.Single(document.Transactions);
        Assert.Equal("835", transaction.TransactionSetId);
        Assert.Equal("1234", transaction.ControlNumber);
        Assert.Equal(32, transaction.Segments.Length);
        Assert.Equal<string>(["HC", "59410"], transaction.Segments.First(s => s.Id == "SVC").Components(6));
    }

    [Theory]
    [InlineData("ST|835|1~BPR|I|5~SVC|HC>99213>25|5|5~SE|4|1~", '|', '>', '~')]
    [InlineData("ST*835*1\nBPR*I*5\nSE*3*1\n", '*', ':', '\n')]
    [InlineData("ST^835^0001!SVC^ZZ@A0230^1^1!SE^3^0001!", '^', '@', '!')]
    public void Read_BareFragment_InfersDelimitersFromTheData(string text, char element, char component, char terminator)
    {
        var document = X12Reader.Read(X12Fixtures.Ascii(text));

        Assert.Equal(new X12Separators(element, component, terminator, null), document.Interchanges[0].Separators);
        Assert.Equal("835", Assert.Single(document.Transactions).TransactionSetId);
    }

    [Theory]
    [InlineData("00401", '^', null)]
    [InlineData("00402", '^', '^')]
    [InlineData("00501", '^', '^')]
    [InlineData("00501", 'U', null)]
    [InlineData("99999", 'U', null)]
    public void Read_Isa11_IsARepetitionSeparatorFromVersion00402AndNeverALetter(string version, char isa11, char? expected)
    {
        var text = $"ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*{isa11}*{version}*000000001*0*P*:~" +
            "GS*HP*S*R*20240101*1200*1*X*005010X221A1~ST*835*0001~BPR*I*0*C*NON************20240101~SE*3*0001~GE*1*1~IEA*1*000000001~";

        var document = X12Reader.Read(X12Fixtures.Ascii(text));

        Assert.Equal(expected, document.Interchanges[0].Separators.Repetition);
    }
}
