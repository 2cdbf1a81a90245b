using Scrubber.Core.Claims;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

/// <summary>The same service billed twice (DUPLICATE_SERVICE) and two visits of one E/M category on one day (SAME_DAY_EM),
/// on one claim and against claims already sent.</summary>
public sealed class DuplicateServicesTests
{
    private static readonly ClaimScrubber Scrubber = new(new ScrubOptions());
    private static readonly DateOnly Day = new(2023, 6, 15);

    [Fact]
    public void SameLabTestTwiceOnOneClaim_IsAHardStopOnTheSecondLineSuggesting91()
    {
        var claim = new ClaimBuilder().Line("85025").Line("85025").Build();

        var edit = Assert.Single(Scrub(claim).Edits);

        Assert.Equal((EditTypes.DuplicateService, Severity.HardStop, RecommendedAction.RemoveLine), (edit.EditType, edit.Severity, edit.Action));
        Assert.Equal(("L2", "L1", null), (edit.LineId, edit.RelatedLineId, edit.RelatedClaimId));
        var suggestion = Assert.Single(edit.SuggestedModifiers);
        Assert.Equal(("91", "L2", "CLM-1"), (suggestion.Modifier, suggestion.LineId, suggestion.ClaimId));
        Assert.Contains("85025 (line L2) duplicates 85025 (line L1)", edit.Message, StringComparison.Ordinal);
        Assert.Equal(Disposition.HardStop, Scrub(claim).Disposition);
    }

    [Fact]
    public void SameProcedureTwice_Suggests76()
    {
        var claim = new ClaimBuilder().Line("93000").Line("93000").Build();

        Assert.Equal("76", Assert.Single(Assert.Single(Scrub(claim).Edits).SuggestedModifiers).Modifier);
    }

    [Theory]
    [InlineData("85025", "91")]
    [InlineData("93000", "76")]
    [InlineData("93000", "77")]
    [InlineData("20610", "RT", "LT")]
    [InlineData("93000", "XS")]
    [InlineData("93000", "59")]
    public void ModifiersThatTellTheLinesApart_AreNotDuplicates(string code, string modifier, string firstModifier = "")
    {
        var claim = new ClaimBuilder().Line(code, firstModifier.Length > 0 ? [firstModifier] : []).Line(code, modifier).Build();

        Assert.DoesNotContain(Scrub(claim).Edits, e => e.EditType == EditTypes.DuplicateService);
    }

    [Theory]
    [InlineData("25")]
    [InlineData("GT")]
    public void ModifiersThatDoNotTellTheLinesApart_LeaveADuplicate(string modifier)
    {
        var claim = new ClaimBuilder().Line("99213").Line("99213", modifier).Build();

        Assert.Contains(Scrub(claim).Edits, e => e.EditType == EditTypes.DuplicateService && e.LineId == "L2");
    }

    [Fact]
    public void SameCodeOnAnotherDateOrByAnotherProvider_IsNotADuplicate()
    {
        var claim = new ClaimBuilder()
            .Line("99213")
            .LineOn("99213", Day.AddDays(1), string.Empty)
            .LineBy("99213", "1245319599")
            .Build();

        Assert.Empty(Scrub(claim).Edits);
    }

    [Fact]
    public void VisitAlreadySentOnAnotherClaim_IsADuplicateNamingThatClaim()
    {
        var claim = new ClaimBuilder().For("CLM-NEW").Line("99213").Build();

        var edit = Assert.Single(Scrub(claim, Prior("CLM-SENT", "1", "99213")).Edits);

        Assert.Equal((EditTypes.DuplicateService, "1", "CLM-SENT"), (edit.EditType, edit.RelatedLineId, edit.RelatedClaimId));
        Assert.Contains("duplicates 99213 (line 1 of claim CLM-SENT, already sent)", edit.Message, StringComparison.Ordinal);
        Assert.Empty(edit.SuggestedModifiers);
    }

    [Fact]
    public void TwoOfficeVisitsOfOneCategory_AreASameDayEmWarningToBillOneVisitOr25()
    {
        var claim = new ClaimBuilder().Line("99203").Line("99204").Build();
        var marked = new ClaimBuilder().Line("99203").Line("99204", "25").Build();

        var edit = Assert.Single(Scrub(claim).Edits);
        var info = Assert.Single(Scrub(marked).Edits);

        Assert.Equal((EditTypes.SameDayEm, Severity.Warning, RecommendedAction.RemoveLine), (edit.EditType, edit.Severity, edit.Action));
        Assert.Equal(("L2", "L1"), (edit.LineId, edit.RelatedLineId));
        Assert.Contains("both office-new E/M visits", edit.Message, StringComparison.Ordinal);
        Assert.Equal(("25", "L2"), (Assert.Single(edit.SuggestedModifiers).Modifier, edit.SuggestedModifiers[0].LineId));
        Assert.Equal((EditTypes.SameDayEm, Severity.Info, RecommendedAction.KeepDocumentation), (info.EditType, info.Severity, info.Action));
    }

    [Fact]
    public void TwoVisitsInTheOutpatientHospital_Suggest27_AndWith27AreAnInfo()
    {
        var unmarked = new ClaimBuilder().Outpatient().Line("99203").Line("99204").Build();
        var marked = new ClaimBuilder().Outpatient().Line("99203").Line("99204", "27").Build();

        var warning = Assert.Single(Scrub(unmarked).Edits, e => e.EditType == EditTypes.SameDayEm);
        var info = Assert.Single(Scrub(marked).Edits, e => e.EditType == EditTypes.SameDayEm);

        Assert.Equal(("27", "L2"), (Assert.Single(warning.SuggestedModifiers).Modifier, warning.SuggestedModifiers[0].LineId));
        Assert.Equal((Severity.Info, RecommendedAction.KeepDocumentation), (info.Severity, info.Action));
    }

    [Theory]
    [InlineData("99213", "99223")]
    [InlineData("99213", "99395")]
    [InlineData("99291", "99292")]
    [InlineData("99213", "90833")]
    public void VisitsOfDifferentCategoriesOrAnAddOn_AreNotSameDayVisits(string first, string second)
    {
        var claim = new ClaimBuilder().Line(first).Line(second).Build();

        Assert.DoesNotContain(Scrub(claim).Edits, e => e.EditType == EditTypes.SameDayEm);
    }

    [Fact]
    public void VisitOfOneCategoryAlreadySent_IsASameDayEmNamingThatClaim()
    {
        var claim = new ClaimBuilder().For("CLM-NEW").Line("99203").Build();

        var edit = Assert.Single(Scrub(claim, Prior("CLM-SENT", "4", "99204")).Edits);

        Assert.Equal((EditTypes.SameDayEm, "4", "CLM-SENT"), (edit.EditType, edit.RelatedLineId, edit.RelatedClaimId));
    }

    [Fact]
    public void VoidClaim_IsNotEdited()
    {
        var claim = new ClaimBuilder().Line("85025").Line("85025").Build() with { Frequency = ClaimFrequency.Void };

        var result = Scrub(claim);

        Assert.Equal((Disposition.Clean, 0), (result.Disposition, result.Edits.Length));
    }

    private static ScrubResult Scrub(Claim claim, params PriorLine[] history) =>
        Scrubber.Scrub(claim, SampleTables.Snapshot, PackSet.Empty, history);

    private static PriorLine Prior(string claimId, string lineId, string code) =>
        new(claimId, ClaimBuilder.BillingNpi, new ClaimLine(lineId, HcpcsCode.Parse(code), [], Day, string.Empty, 50m, 1, []));
}
