using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Packs;

/// <summary>The shipped sample packs: they load, their examples pass, and each situation they encode gives the right edit.</summary>
public sealed class SamplePackTests
{
    private static readonly ClaimScrubber Scrubber = new(new ScrubOptions());

    public static TheoryData<string> SamplePackIds => new() { "acme-commercial", "mindwell-behavioral", "brightpath-health" };

    [Theory]
    [MemberData(nameof(SamplePackIds))]
    public void Load_SamplePack_CompilesAndEveryExamplePasses(string packId)
    {
        var result = PackLoader.Load(Path.Combine(RepositoryPaths.Packs, packId));

        Assert.Empty(result.Errors);
        var pack = Assert.IsType<CompiledPack>(result.Pack);
        Assert.Matches("^[0-9a-f]{12}$", pack.Version);
        Assert.NotEmpty(pack.Examples);
        var outcomes = PackExampleRunner.Run(pack, Scrubber, SampleTables.Snapshot);
        Assert.All(outcomes, o => Assert.True(o.Passed, $"{o.Example.File}: {o.Explanation}"));
    }

    [Theory]
    [MemberData(nameof(SamplePackIds))]
    public void SamplePack_ExamplesPassOnAQuarterWithoutTheirPairs(string packId)
    {
        // A quarter holding one unrelated row: the examples stand on the rows they declare.
        using var temp = new TempDirectory();
        var file = PtpFiles.Write(temp.File("ccipra-v322r0-f1.txt"), PtpFiles.Row("10005", "10006", "20100101", "*", "1"));
        var quarter = SampleTables.With(NcciLoader.Load(NcciTableKind.Practitioner, "k", [file], new RecordingLoadReport()));
        var pack = PackLoader.Load(Path.Combine(RepositoryPaths.Packs, packId)).Pack!;

        var outcomes = PackExampleRunner.Run(pack, Scrubber, quarter);

        Assert.All(outcomes, o => Assert.True(o.Passed, $"{o.Example.File}: {o.Explanation}"));
    }

    [Fact]
    public void Acme_EcgWithSameDayVisitWithout25_WarnsAndSuggests25OnTheVisit()
    {
        var result = Scrub("ACME01", ("99214", []), ("93000", []));

        var edit = Assert.Single(result.Edits);
        Assert.Equal(("PAYER_BUNDLE", Severity.Warning, "L2", "L1"), (edit.EditType, edit.Severity, edit.LineId, edit.RelatedLineId));
        Assert.Equal(("99214", "93000"), (edit.Column1Code, edit.Column2Code));
        Assert.Equal("ecg-with-office-visit-needs-25", edit.Rule);
        Assert.StartsWith(Pack("acme-commercial").Source + "/ecg-with-office-visit-needs-25", edit.Source, StringComparison.Ordinal);
        Assert.Equal(("25", "L1"), (edit.SuggestedModifiers[0].Modifier, edit.SuggestedModifiers[0].LineId));
        Assert.Equal(Pack("acme-commercial").Source, result.Pack);
    }

    [Fact]
    public void Acme_EcgWithVisitCarrying25_IsClean() =>
        Assert.Empty(Scrub("ACME01", ("99214", ["25"]), ("93000", [])).Edits);

    [Fact]
    public void Acme_ColonoscopyAndEgdSameSession_SuggestsXsThen59OnTheEgd()
    {
        var edit = Assert.Single(Scrub("ACME02", ("45378", []), ("43239", [])).Edits);

        Assert.Equal("L2", edit.LineId);
        Assert.Equal(["XS", "59"], edit.SuggestedModifiers.Select(s => s.Modifier));
        Assert.All(edit.SuggestedModifiers, s => Assert.Equal("L2", s.LineId));
    }

    [Fact]
    public void Acme_StressTestWithSameDayEcg_SuggestsXeOrXuOnTheEcg()
    {
        var edit = Assert.Single(Scrub("ACME01", ("93015", []), ("93000", [])).Edits);

        Assert.Equal("ecg-with-stress-test-separate-encounter", edit.Rule);
        Assert.Equal(["XE", "XU"], edit.SuggestedModifiers.Select(s => s.Modifier));
        Assert.Empty(Scrub("ACME01", ("93015", []), ("93000", ["XE"])).Edits);
    }

    [Fact]
    public void Acme_59WhereAnXModifierFits_WarnsWithTheXModifiersThatFit()
    {
        var result = Scrub("ACME01", ("0001U", []), ("0030U", ["59"]));

        Assert.Contains(result.Edits, e => e.EditType == EditTypes.NcciPtpBypassed && e.BypassModifier == "59");
        var prefers = Assert.Single(result.Edits, e => e.EditType == EditTypes.PayerPrefersXModifier);
        Assert.Equal((Severity.Warning, "L2"), (prefers.Severity, prefers.LineId));
        Assert.Equal(["XE", "XU"], prefers.SuggestedModifiers.Select(s => s.Modifier));
        Assert.Equal(Pack("acme-commercial").Source, prefers.Source);
    }

    [Fact]
    public void Medicare_59WhereAnXModifierFits_IsJustABypass() =>
        Assert.Equal(EditTypes.NcciPtpBypassed, Assert.Single(Scrub("MEDICARE", ("0001U", []), ("0030U", ["59"])).Edits).EditType);

    [Fact]
    public void MindWell_IndividualAndFamilyPsychotherapySameDay_Needs59OrXeOnTheFamilySession()
    {
        var edit = Assert.Single(Scrub("MINDWELL", ("90837", []), ("90847", [])).Edits);

        Assert.Equal(("family-psychotherapy-same-day-as-individual", "L2"), (edit.Rule, edit.LineId));
        Assert.Equal(["XE", "59"], edit.SuggestedModifiers.Select(s => s.Modifier));
        Assert.Empty(Scrub("MINDWELL", ("90837", []), ("90847", ["59"])).Edits);
    }

    [Theory]
    [InlineData("90833")]
    [InlineData("90836")]
    [InlineData("90838")]
    public void MindWell_PsychotherapyAddOnWithoutEm_IsAHardStop(string addOn)
    {
        var edit = Assert.Single(Scrub("MINDWELL", (addOn, []), ("90785", [])).Edits);

        Assert.Equal(("PAYER_ADD_ON_WITHOUT_BASE", Severity.HardStop, "L1"), (edit.EditType, edit.Severity, edit.LineId));
        Assert.Empty(Scrub("MINDWELL", ("99213", []), (addOn, [])).Edits);
    }

    [Theory]
    [InlineData("99050")]
    [InlineData("99051")]
    public void BrightPath_AfterHoursCode_IsAHardStopToRemoveTheCharge(string code)
    {
        var edit = Assert.Single(Scrub("BRIGHT01", ("99213", []), (code, [])).Edits);

        Assert.Equal((Severity.HardStop, "L2"), (edit.Severity, edit.LineId));
        Assert.Contains("remove this charge for this payer", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrightPath_NoXModifiers_Suggests59AloneAndXDoesNotBypass()
    {
        var result = Scrub("BRIGHT01", ("0001U", []), ("0030U", ["XS"]));

        var ptp = Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtp);
        Assert.Equal(["59"], ptp.SuggestedModifiers.Select(s => s.Modifier));
        Assert.Single(result.Edits, e => e.EditType == EditTypes.PayerXModifierNotAccepted && e.LineId == "L2");
        Assert.DoesNotContain(result.Edits, e => e.EditType == EditTypes.NcciPtpBypassed);
    }

    [Fact]
    public void BrightPath_IndicatorOneEdit_IsAHardStopForThisPayer()
    {
        var ptp = Assert.Single(Scrub("BRIGHT01", ("0001U", []), ("0030U", [])).Edits);

        Assert.Equal((EditTypes.NcciPtp, Severity.HardStop), (ptp.EditType, ptp.Severity));
        var softened = new ClaimScrubber(new ScrubOptions { IndicatorOneSeverity = Severity.Warning });
        Assert.Equal(Severity.Warning, Assert.Single(softened.Scrub(Claim("MEDICARE", ("0001U", []), ("0030U", [])), SampleTables.Snapshot, SamplePacks.Set).Edits).Severity);
        Assert.Equal(Severity.HardStop, Assert.Single(softened.Scrub(Claim("BRIGHT01", ("0001U", []), ("0030U", [])), SampleTables.Snapshot, SamplePacks.Set).Edits).Severity);
    }

    [Fact]
    public void Evaluate_RulesWhoseCodesTheClaimLacks_DoNotRun()
    {
        var trace = new List<RuleTrace>();
        var claim = Claim("ACME01", ("99213", []), ("93000", []), ("0001U", []));

        Scrubber.Scrub(claim, SampleTables.Snapshot, Pack("acme-commercial"), trace: trace);

        var run = Assert.Single(trace);
        Assert.Equal(("ecg-with-office-visit-needs-25", "L2", "L1", true), (run.Rule, run.LineId, run.OtherLineId, run.Fired));
    }

    private static ScrubResult Scrub(string payer, params (string Code, string[] Modifiers)[] lines) =>
        Scrubber.Scrub(Claim(payer, lines), SampleTables.Snapshot, SamplePacks.Set);

    private static Claim Claim(string payer, params (string Code, string[] Modifiers)[] lines)
    {
        var builder = new ClaimBuilder().On("2026-07-14");
        foreach (var (code, modifiers) in lines)
        {
            builder.Line(code, modifiers);
        }

        return builder.Build() with { PayerId = payer };
    }

    private static CompiledPack Pack(string id) => SamplePacks.Set.Packs.Single(p => p.Id == id);
}
