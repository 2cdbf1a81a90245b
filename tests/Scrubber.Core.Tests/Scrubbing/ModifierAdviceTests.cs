using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

/// <summary>Modifier advice a coder would sign: 25 where CMS takes it, contradictions that never bypass, advice on the
/// column 2 line led by the row's rationale, and modifiers that follow the claim's facts.</summary>
public sealed class ModifierAdviceTests : IDisposable
{
    private const string Distinct = "Mutually exclusive procedures";
    private const string Misuse = "Misuse of Column Two code with Column One code";
    private const string Instruction = "CPT Manual or CMS manual coding instruction";
    private readonly TempDirectory _temp = new();
    private readonly NcciSnapshot _tables;

    public ModifierAdviceTests()
    {
        var file = PtpFiles.Write(_temp.File("ccipra-v322r0-f1.txt"),
            PtpFiles.Row("67820", "92012", "20100101", "*", "1", Instruction),
            PtpFiles.Row("99291", "36000", "20100101", "*", "1", Instruction),
            PtpFiles.Row("11055", "11042", "20100101", "*", "1", Distinct),
            PtpFiles.Row("82565", "82570", "20100101", "*", "1", Distinct),
            PtpFiles.Row("20610", "20611", "20100101", "*", "1", Misuse),
            PtpFiles.Row("64483", "64484", "20100101", "*", "1", Distinct),
            PtpFiles.Row("11042", "97597", "20100101", "*", "1", Distinct),
            PtpFiles.Row("90837", "97597", "20100101", "*", "1", Distinct));
        _tables = SampleTables.With(NcciLoader.Load(NcciTableKind.Practitioner, "k", [file], new RecordingLoadReport()));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EyeExamBesideAProcedure_Takes25()
    {
        var unmarked = Single(Scrub(Claim().Line("67820").Line("92012")), EditTypes.NcciPtp);
        var marked = Scrub(Claim().Line("67820").Line("92012", "25"));

        Assert.Equal(("25", "L2"), (Assert.Single(unmarked.SuggestedModifiers).Modifier, unmarked.SuggestedModifiers[0].LineId));
        Assert.Equal(RecommendedAction.AddModifier, unmarked.Action);
        var bypass = Assert.Single(marked.Edits);
        Assert.Equal((EditTypes.NcciPtpBypassed, "25"), (bypass.EditType, bypass.BypassModifier));
    }

    [Fact]
    public void ProcedureBundledIntoAVisit_GetsAdviceOnTheProcedureAndNever25()
    {
        var edit = Single(Scrub(Claim().Line("99291").Line("36000")), EditTypes.NcciPtp);

        Assert.Equal("L2", edit.LineId);
        Assert.Equal(RecommendedAction.RemoveLine, edit.Action);
        Assert.Contains("Remove line L2: CPT or CMS coding instructions include the column 2 service", edit.Message, StringComparison.Ordinal);
        Assert.NotEmpty(edit.SuggestedModifiers);
        Assert.All(edit.SuggestedModifiers, s => Assert.Equal("L2", s.LineId));
        Assert.DoesNotContain(edit.SuggestedModifiers, s => s.Modifier == "25");
    }

    [Fact]
    public void TwentyFiveOnTheVisitInColumnOne_BypassesNothing()
    {
        var result = Scrub(Claim().Line("99291", "25").Line("36000"));

        Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtp);
        Assert.Equal("L1", Single(result, EditTypes.ModifierWrongLine).LineId);
        Assert.DoesNotContain(result.Edits, e => e.EditType == EditTypes.NcciPtpBypassed);
    }

    [Fact]
    public void XsWithTheSameSiteOnBothLines_ContradictsTheClaimAndDoesNotBypass()
    {
        var result = Scrub(Claim().Line("11055", "RT").Line("11042", "XS", "RT"));

        AssertContradiction(result, "both lines carry RT");
        Assert.DoesNotContain(result.Edits, e => e.EditType == EditTypes.ModifierSameSite);
    }

    [Fact]
    public void XpWithOnePractitioner_ContradictsTheClaim()
    {
        var result = Scrub(Claim().Line("11055").Line("11042", "XP"));

        AssertContradiction(result, "the same rendering provider");
    }

    [Fact]
    public void XpWithTwoPractitionersUnderBillingNpiScope_Bypasses()
    {
        var claim = Claim().LineBy("11055", "1245319599").LineBy("11042", "1316098721", "XP").Build();

        var result = new ClaimScrubber(new ScrubOptions { ProviderScope = ProviderScope.BillingNpi }).Scrub(claim, _tables, PackSet.Empty);

        Assert.Equal((EditTypes.NcciPtpBypassed, "XP"), (Assert.Single(result.Edits).EditType, result.Edits[0].BypassModifier));
    }

    [Theory]
    [InlineData("50", "RT")]
    [InlineData("LT", "50")]
    public void SideBesideBilateral_ContradictsTheClaim(string column1, string column2)
    {
        var result = Scrub(Claim().Line("64483", column1).Line("64484", column2));

        AssertContradiction(result, "carries 50, a procedure on both sides");
    }

    [Fact]
    public void SameSiteWithoutXs_StaysSameSiteAlone()
    {
        var result = Scrub(Claim().Line("11055", "RT").Line("11042", "RT"));

        Assert.Single(result.Edits, e => e.EditType == EditTypes.ModifierSameSite);
        Assert.DoesNotContain(result.Edits, e => e.EditType == EditTypes.ModifierContradictsClaim);
    }

    [Fact]
    public void RemoveFirstRationale_LeadsWithRemovingTheLine_ModifiersAfterWithACaution()
    {
        var edit = Single(Scrub(Claim().Line("20610").Line("20611")), EditTypes.NcciPtp);

        Assert.Equal(RecommendedAction.RemoveLine, edit.Action);
        Assert.Contains("Remove line L2: the column 2 code does not describe what was done", edit.Message, StringComparison.Ordinal);
        Assert.Contains("Only if the record shows a truly distinct service", edit.Message, StringComparison.Ordinal);
        Assert.NotEmpty(edit.SuggestedModifiers);
    }

    [Fact]
    public void DistinctServiceRationale_LeadsWithAModifier_XsForTwoSurgeries()
    {
        var edit = Single(Scrub(Claim().Line("11055").Line("11042")), EditTypes.NcciPtp);

        Assert.Equal(RecommendedAction.AddModifier, edit.Action);
        Assert.Equal(["XS", "XE", "XU", "59"], edit.SuggestedModifiers.Select(s => s.Modifier));
    }

    [Fact]
    public void SurgicalAndSelectiveDebridement_AreSeparateSiteProcedures_SoXsIsSuggested()
    {
        var edit = Single(Scrub(Claim().Line("11042").Line("97597")), EditTypes.NcciPtp);

        Assert.Equal(["XS", "XE", "XU", "59"], edit.SuggestedModifiers.Select(s => s.Modifier));
    }

    [Fact]
    public void ServiceOutsideTheSeparateSiteSet_GetsNoXs()
    {
        var edit = Single(Scrub(Claim().Line("90837").Line("97597")), EditTypes.NcciPtp);

        Assert.DoesNotContain(edit.SuggestedModifiers, s => s.Modifier == "XS");
    }

    [Fact]
    public void SiteOnOneLineOnly_PutsXsFirst()
    {
        var edit = Single(Scrub(Claim().Line("64483", "RT").Line("64484")), EditTypes.NcciPtp);

        Assert.Equal("XS", edit.SuggestedModifiers[0].Modifier);
    }

    [Fact]
    public void XpIsSuggestedOnlyWhenRenderingProvidersDiffer()
    {
        var edit = Single(Scrub(Claim().Line("11055").Line("11042")), EditTypes.NcciPtp);

        Assert.DoesNotContain(edit.SuggestedModifiers, s => s.Modifier == "XP");
    }

    [Fact]
    public void RepeatedLabTest_Takes91Not59()
    {
        var edit = Single(Scrub(Claim().Line("82565").Line("82570")), EditTypes.NcciPtp);

        Assert.Equal("91", edit.SuggestedModifiers[^1].Modifier);
        Assert.DoesNotContain(edit.SuggestedModifiers, s => s.Modifier == "59");
    }

    [Theory]
    [InlineData(Misuse, RecommendedAction.RemoveLine)]
    [InlineData("HCPCS/CPT procedure code definition", RecommendedAction.RemoveLine)]
    [InlineData("More extensive procedure", RecommendedAction.RemoveLine)]
    [InlineData("Laboratory panel", RecommendedAction.RemoveLine)]
    [InlineData("Gender-specific procedures", RecommendedAction.RemoveLine)]
    [InlineData(Instruction, RecommendedAction.RemoveLine)]
    [InlineData(Distinct, RecommendedAction.AddModifier)]
    [InlineData("Standards of medical/surgical practice", RecommendedAction.AddModifier)]
    public void EachRationale_LeadsAsDocumented(string rationale, RecommendedAction expected)
    {
        var file = PtpFiles.Write(_temp.File("ccipra-v322r0-f1.txt"), PtpFiles.Row("20610", "20611", "20100101", "*", "1", rationale));
        var tables = SampleTables.With(NcciLoader.Load(NcciTableKind.Practitioner, "k", [file], new RecordingLoadReport()));

        var result = new ClaimScrubber(new ScrubOptions()).Scrub(Claim().Line("20610").Line("20611").Build(), tables, PackSet.Empty);

        Assert.Equal(expected, Single(result, EditTypes.NcciPtp).Action);
    }

    private static void AssertContradiction(ScrubResult result, string why)
    {
        Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtp);
        var contradiction = Single(result, EditTypes.ModifierContradictsClaim);
        Assert.Equal(("L2", Severity.Warning, RecommendedAction.CorrectModifier), (contradiction.LineId, contradiction.Severity, contradiction.Action));
        Assert.Contains(why, contradiction.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Edits, e => e.EditType == EditTypes.NcciPtpBypassed);
    }

    private static Edit Single(ScrubResult result, string type) => Assert.Single(result.Edits, e => e.EditType == type);

    private static ClaimBuilder Claim() => new ClaimBuilder().On("2026-07-01");

    private ScrubResult Scrub(ClaimBuilder claim) => new ClaimScrubber(new ScrubOptions()).Scrub(claim.Build(), _tables, PackSet.Empty);
}
