using Scrubber.Core.Claims;

namespace Scrubber.Core.Tests.Claims;

public sealed class NpiTests
{
    [Theory]
    [InlineData("1234567893", true)]   // the CMS worked example
    [InlineData("1234567890", false)]  // wrong check digit
    [InlineData("123456789", false)]
    [InlineData("12345678931", false)]
    [InlineData("12345678a3", false)]
    [InlineData("", false)]
    public void IsValid_ChecksLengthDigitsAndLuhnCheckDigit(string npi, bool expected) => Assert.Equal(expected, Npi.IsValid(npi));

    [Fact]
    public void CheckDigit_OfCmsExample_IsThree() => Assert.Equal(3, Npi.CheckDigit("123456789"));
}
