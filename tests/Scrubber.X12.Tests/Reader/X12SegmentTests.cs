using Scrubber.X12.Tests.Infrastructure;

namespace Scrubber.X12.Tests.Reader;

public sealed class X12SegmentTests
{
    private static readonly X12Segment Svc = First("835/keironstoddart__835_blue_cross_nc_sample.txt", "SVC");

    [Fact]
    public void Element_OneBasedPosition_ReturnsThatElementOrEmpty()
    {
        Assert.Equal("SVC", Svc.Id);
        Assert.Equal("HC:59430", Svc.Element(1));
        Assert.Equal("1210", Svc.Element(2));
        Assert.Equal(string.Empty, Svc.Element(4));
        Assert.Equal(string.Empty, Svc.Element(40));
        Assert.Equal(6, Svc.ElementCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => Svc.Element(0));
    }

    [Fact]
    public void Components_Composite_SplitsOnTheComponentSeparator()
    {
        Assert.Equal<string>(["HC", "59430"], Svc.Components(1));
        Assert.Equal("59410", Svc.Component(6, 2));
        Assert.Equal(string.Empty, Svc.Component(6, 3));
        Assert.Empty(Svc.Components(4));
    }

    [Fact]
    public void Repetitions_Version00501_SplitsOnIsa11()
    {
        var text = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~" +
            "GS*HC*S*R*20240101*1200*1*X*005010X222A1~ST*837*0001~HI*ABK:R69^ABF:E119~SE*3*0001~GE*1*1~IEA*1*000000001~";

        var hi = Assert.Single(X12Reader.Read(X12Fixtures.Ascii(text)).Transactions).Segments[1];

        Assert.Equal<string>(["ABK:R69", "ABF:E119"], hi.Repetitions(1));
        Assert.Equal<string>(["ABK", "R69^ABF", "E119"], hi.Components(1));
    }

    [Fact]
    public void ToString_Segment_IsTheX12TextWithoutTerminator()
    {
        Assert.Equal("SVC*HC:59430*1210*1057.86**1*HC:59410", Svc.ToString());
        Assert.Equal(437, Svc.ByteOffset);
    }

    private static X12Segment First(string file, string id) =>
        X12Fixtures.Read(file).Transactions.SelectMany(t => t.Segments).First(s => s.Id == id);
}
