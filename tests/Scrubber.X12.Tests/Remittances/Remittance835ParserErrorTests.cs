using Scrubber.X12.Remittance;
using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Remittances;

public sealed class Remittance835ParserErrorTests
{
    private const string Envelope =
        "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~" +
        "GS*HP*S*R*20240101*1200*1*X*005010X221A1~";

    [Fact]
    public void Read_210Wrapped_IsRefusedAsNotAnRemittance()
    {
        var bytes = X12Fixtures.Bytes("odd/xlate__210_NOT835_ts210_80char_wrapped.edi");

        var ex = Assert.Throws<X12FormatException>(() => Remittance835Parser.Read(bytes));

        Assert.Equal("transaction set 210 at byte 153 is not an 835 remittance", ex.Message);
        Assert.Equal((153L, "ST"), (ex.ByteOffset, ex.Segment));
    }

    [Fact]
    public void Parse_837WithCas_IsRefusedAsNotAnRemittance()
    {
        var document = X12Fixtures.Read("837p/LinuxForHealth__demo.cob.example4.837");

        var ex = Assert.Throws<X12FormatException>(() => Remittance835Parser.Parse(document));

        Assert.Equal("transaction set 837 at byte 161 is not an 835 remittance", ex.Message);
    }

    [Theory]
    [InlineData("CLP*A1*1*12O.00*0~", "CLP03 '12O.00' in the CLP at byte 193 is not a number")]
    [InlineData("CLP*A1*1*120*0*1,5~", "CLP05 '1,5' in the CLP at byte 193 is not a number")]
    [InlineData("CLP*A1*1*120*0~CAS*CO*45~", "CAS03 in the CAS at byte 208 is empty; expected an amount")]
    [InlineData("CLP*A1*1*120*0~CAS*CO**5~", "CAS02 in the CAS at byte 208 is empty; expected a claim adjustment reason code")]
    [InlineData("CLP*A1*1*120*0~CAS*CO*45*5*1*97*x~", "CAS06 'x' in the CAS at byte 208 is not a number")]
    [InlineData("CLP*A1*1*120*0~DTM*232*2024-01-01~", "DTM02 '2024-01-01' in the DTM at byte 208 is not a CCYYMMDD date")]
    [InlineData("CLP*A1*1*120*0~SVC*HC:99213*120*0~DTM*472*20240230~", "DTM02 '20240230' in the DTM at byte 227 is not a CCYYMMDD date")]
    [InlineData("CLP*A1*1*120*0~SVC*HC:99213*12 0*0~", "SVC02 '12 0' in the SVC at byte 208 is not a number")]
    [InlineData("CLP**1*120*0~", "CLP01 in the CLP at byte 193 is empty; expected a claim id (patient control number)")]
    [InlineData("SVC*HC:99213*120*0~", "the SVC at byte 193 is not inside a claim: expected a CLP before it")]
    public void Read_MalformedValue_FailsNamingElementAndByte(string claim, string message)
    {
        var segments = "ST*835*0001~BPR*I*0*C*NON************20240101~" + claim;
        var count = segments.Count(c => c == '~') + 1;
        var text = Envelope + segments + $"SE*{count}*0001~GE*1*1~IEA*1*000000001~";

        var ex = Assert.Throws<X12FormatException>(() => Remittance835Parser.Read(X12Fixtures.Ascii(text)));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Read_NoBpr_FailsNamingTheTransaction()
    {
        var text = Envelope + "ST*835*0001~CLP*A1*1*120*0~SE*3*0001~GE*1*1~IEA*1*000000001~";

        var ex = Assert.Throws<X12FormatException>(() => Remittance835Parser.Read(X12Fixtures.Ascii(text)));

        Assert.Equal("the 835 that starts with ST at byte 147 has no BPR segment (payment amount)", ex.Message);
    }

    [Fact]
    public void Read_ReversalWithNegativeAmounts_ReadsSignsAndIsReversal()
    {
        var text = Envelope + "ST*835*0001~BPR*I*-42.58*C*NON************20040315~CLP*123456*22*-42.58*-42.58*0*13~" +
            "SVC*HC:H0036:GT:UK*-42.58*-42.58**-2~CAS*CR*141*0*0*42*0*0*22*.01~SE*6*0001~GE*1*1~IEA*1*000000001~";

        var claim = Assert.Single(Remittance835Parser.Read(X12Fixtures.Ascii(text)).Claims);

        Assert.True(claim.IsReversal);
        Assert.Equal((-42.58m, -42.58m), (claim.Charge, claim.Paid));
        var line = Assert.Single(claim.Lines);
        Assert.Equal<string>(["GT", "UK"], line.Modifiers);
        Assert.Equal(-2m, line.Units);
        Assert.Equal<Adjustment>([new("CR", "141", 0m, 0m), new("CR", "42", 0m, 0m), new("CR", "22", 0.01m, null)], line.Adjustments);
    }
}
