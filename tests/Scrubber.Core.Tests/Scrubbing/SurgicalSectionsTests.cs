using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;

namespace Scrubber.Core.Tests.Scrubbing;

public sealed class SurgicalSectionsTests
{
    [Theory]
    [InlineData("27447", "20610", true)]   // musculoskeletal, both
    [InlineData("27447", "11042", false)]  // musculoskeletal, integumentary
    [InlineData("10004", "19499", true)]   // the first section's ends
    [InlineData("19499", "20100", false)]
    [InlineData("43239", "45378", true)]   // digestive
    [InlineData("66984", "69990", false)]  // eye, auditory (the chapter's last code)
    public void Same_FollowsTheSectionRanges(string a, string b, bool same) =>
        Assert.Equal(same, SurgicalSections.Same(HcpcsCode.Parse(a), HcpcsCode.Parse(b)));

    [Theory]
    [InlineData("99213")]
    [InlineData("70010")]
    [InlineData("G0471")]
    [InlineData("0001U")]
    [InlineData("10003")]
    public void Of_ACodeOutsideTheSurgeryChapter_IsNone(string code) =>
        Assert.Null(SurgicalSections.Of(HcpcsCode.Parse(code)));
}
