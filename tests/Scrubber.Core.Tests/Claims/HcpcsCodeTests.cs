using Scrubber.Core.Claims;

namespace Scrubber.Core.Tests.Claims;

public sealed class HcpcsCodeTests
{
    [Theory]
    [InlineData("99213")]
    [InlineData("0001A")]
    [InlineData("0591T")]
    [InlineData("G0471")]
    [InlineData("U0004")]
    [InlineData("00000")]
    [InlineData("ZZZZZ")]
    public void Parse_ValidCode_RoundTripsToTheSameText(string text)
    {
        Assert.True(HcpcsCode.TryParse(text, out var code));
        Assert.Equal(text, code.ToString());
        Assert.NotEqual(0u, code.Value);
    }

    [Fact]
    public void Parse_LowerCaseLetters_AreUpperCased()
    {
        Assert.True(HcpcsCode.TryParse("g0463", out var code));
        Assert.Equal("G0463", code.ToString());
        Assert.Equal(HcpcsCode.Parse("G0463"), code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9921")]
    [InlineData("992133")]
    [InlineData("99 13")]
    [InlineData("9921-")]
    [InlineData("9921é")]
    public void Parse_NotFiveLettersOrDigits_Fails(string text) => Assert.False(HcpcsCode.TryParse(text, out _));

    [Fact]
    public void Parse_Latin1Bytes_MatchesCharParse()
    {
        Assert.True(HcpcsCode.TryParse("0001U"u8, out var fromBytes));
        Assert.Equal(HcpcsCode.Parse("0001U"), fromBytes);
    }

    [Fact]
    public void IsInRange_FollowsCodeOrderDigitsBeforeLetters()
    {
        var low = HcpcsCode.Parse("99202");
        var high = HcpcsCode.Parse("99499");
        Assert.True(HcpcsCode.Parse("99202").IsInRange(low, high));
        Assert.True(HcpcsCode.Parse("99499").IsInRange(low, high));
        Assert.False(HcpcsCode.Parse("99201").IsInRange(low, high));
        Assert.False(HcpcsCode.Parse("9949A").IsInRange(low, high));
        Assert.True(HcpcsCode.Parse("0001A").Value < HcpcsCode.Parse("0001U").Value);
        Assert.True(HcpcsCode.Parse("99999").Value < HcpcsCode.Parse("A0001").Value);
    }

    [Theory]
    [InlineData("99202", true)]
    [InlineData("99213", true)]
    [InlineData("99499", true)]
    [InlineData("G0463", true)]
    [InlineData("G0402", true)]
    [InlineData("99201", false)]
    [InlineData("99500", false)]
    [InlineData("93000", false)]
    [InlineData("G0471", false)]
    public void IsEvaluationAndManagement_CoversCptRangeAndHcpcsVisits(string code, bool expected) =>
        Assert.Equal(expected, HcpcsCode.Parse(code).IsEvaluationAndManagement);
}
