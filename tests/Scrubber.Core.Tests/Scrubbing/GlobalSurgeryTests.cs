using Scrubber.Core.Claims;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

/// <summary>Who is the surgeon's "same physician" (<c>Scrub:GlobalScope</c>), and what history the edits read, on the
/// fee schedule sample (27447 has a 090-day period from 2026-07-01).</summary>
public sealed class GlobalSurgeryTests
{
    private const string Surgeon = "1245319599";
    private const string Partner = "1003000126";
    private const string Orthopaedics = "207X00000X";
    private const string FamilyMedicine = "207Q00000X";

    [Theory]
    [InlineData(GlobalScope.RenderingNpi, Orthopaedics, false)]
    [InlineData(GlobalScope.GroupSpecialty, Orthopaedics, true)]
    [InlineData(GlobalScope.GroupSpecialty, FamilyMedicine, false)]
    public void VisitByAPartnerOfTheGroup_IsTheSurgeonsOnlyInTheSameSpecialtyUnderGroupSpecialty(GlobalScope scope, string partnerTaxonomy, bool edited)
    {
        var surgery = Sent("27447", "2026-07-10", Surgeon, Orthopaedics);
        var visit = Line("99213", "2026-08-09", Partner, partnerTaxonomy);

        var edits = Scrub(visit, [surgery], scope);

        Assert.Equal(edited, edits.Exists(e => e.EditType == EditTypes.GlobalPeriod));
    }

    [Fact]
    public void VisitByTheSurgeon_UnderGroupSpecialty_WithAnotherTaxonomyOnTheVisit_IsNotTheSurgeons()
    {
        var surgery = Sent("27447", "2026-07-10", Surgeon, Orthopaedics);

        Assert.Single(Scrub(Line("99213", "2026-08-09", Surgeon, FamilyMedicine), [surgery], GlobalScope.RenderingNpi));
        Assert.Empty(Scrub(Line("99213", "2026-08-09", Surgeon, FamilyMedicine), [surgery], GlobalScope.GroupSpecialty));
    }

    [Fact]
    public void SurgeryFromAnotherBillingProvider_IsNotTheGroupsUnderGroupSpecialty()
    {
        var surgery = Sent("27447", "2026-07-10", Surgeon, Orthopaedics) with { BillingProviderNpi = "1467560003" };

        Assert.Empty(Scrub(Line("99213", "2026-08-09", Partner, Orthopaedics), [surgery], GlobalScope.GroupSpecialty));
    }

    [Fact]
    public void WithoutTheFeeSchedule_NoGlobalEdits()
    {
        var claim = new ClaimBuilder().On("2026-08-09").Build() with { Lines = [Line("99213", "2026-08-09", Surgeon, Orthopaedics)] };

        var result = new ClaimScrubber(new ScrubOptions()).Scrub(claim, SampleTables.Snapshot, pack: null, [Sent("27447", "2026-07-10", Surgeon, Orthopaedics)]);

        Assert.Empty(result.Edits);
    }

    private static List<Edit> Scrub(ClaimLine visit, IReadOnlyList<PriorLine> history, GlobalScope scope)
    {
        var claim = new ClaimBuilder().On("2026-08-09").Build() with { Lines = [visit] };
        return [.. new ClaimScrubber(new ScrubOptions { GlobalScope = scope }).Scrub(claim, SampleTables.WithPfs, pack: null, history).Edits];
    }

    private static ClaimLine Line(string code, string date, string npi, string taxonomy) =>
        new("1", HcpcsCode.Parse(code), [], DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), npi, 100m, 1, [])
        {
            RenderingProviderTaxonomy = taxonomy,
        };

    private static PriorLine Sent(string code, string date, string npi, string taxonomy) =>
        new("CLM-SURGERY", ClaimBuilder.BillingNpi, Line(code, date, npi, taxonomy));
}
