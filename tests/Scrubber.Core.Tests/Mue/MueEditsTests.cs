using Scrubber.Core.Claims;
using Scrubber.Core.Mue;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Generators;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Mue;

/// <summary>MUE adjudication (domain.md §3) on the real excerpt and on small tables in the CMS layout: MAI 1 per line,
/// MAI 2 and 3 per day across the claim and claims sent, MUE 0, date ranges, and codes the file does not list.</summary>
public sealed class MueEditsTests : IDisposable
{
    private static readonly ClaimScrubber Scrubber = new(new ScrubOptions());
    private static readonly DateOnly Day = new(2026, 8, 3);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Mai3_ThreeUnitsOf0009U_IsAHardStopSayingTheRecordMaySupportAnAppeal()
    {
        var result = Scrub(Claim().Units("0009U", 3).Build());

        var edit = Assert.Single(result.Edits);
        Assert.Equal((EditTypes.MueUnitsExceeded, Severity.HardStop, RecommendedAction.AdjustUnits, "L1", "0009U"),
            (edit.EditType, edit.Severity, edit.Action, edit.LineId, edit.Column1Code));
        Assert.Equal(new MueMatch(HcpcsCode.Parse("0009U"), new MueEntry(2, MueAdjudicationIndicator.DateOfServiceClinical, "Nature of Analyte"), "mue-practitioner-2026-07-01", 3), edit.Mue);
        Assert.Contains("3 units on 2026-08-03 for this patient and provider exceed the MUE of 2 per day (MAI 3", edit.Message, StringComparison.Ordinal);
        Assert.Contains("a contractor may allow them on appeal or reopening", edit.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be billed to the patient", edit.Message, StringComparison.Ordinal);
        Assert.Equal(Disposition.HardStop, result.Disposition);
    }

    [Fact]
    public void Mai3_WithinTheLimit_IsClean()
    {
        Assert.Empty(Scrub(Claim().Units("0009U", 2).Build()).Edits);
    }

    [Fact]
    public void Mai2_0001UOnTwoLines_DeniesEveryUnitThatDaySayingThePolicyLimitIsFinal()
    {
        var edits = Scrub(Claim().Units("0001U", 1).Units("0001U", 1, "91").Build()).Edits.Where(e => e.EditType == EditTypes.MueUnitsExceeded).ToList();

        Assert.Equal([("L1", "L2"), ("L2", "L1")], edits.Select(e => (e.LineId, e.RelatedLineId)));
        Assert.All(edits, e => Assert.Contains("(MAI 2, a policy limit", e.Message, StringComparison.Ordinal));
        Assert.All(edits, e => Assert.Contains("cannot be overturned on appeal", e.Message, StringComparison.Ordinal));
        Assert.All(edits, e => Assert.Equal(2, e.Mue!.Value.Units));
    }

    [Fact]
    public void Mai2_AUnitAlreadySentOnAnotherClaim_CountsTowardTheDay()
    {
        var sent = new PriorLine("CLM-SENT", ClaimBuilder.BillingNpi, new ClaimLine("7", HcpcsCode.Parse("0001U"), [], Day, string.Empty, 50m, 1, []));

        var edit = Assert.Single(Scrub(Claim("CLM-NEW").Units("0001U", 1).Build(), sent).Edits, e => e.EditType == EditTypes.MueUnitsExceeded);

        Assert.Equal(("L1", "7", "CLM-SENT"), (edit.LineId, edit.RelatedLineId, edit.RelatedClaimId));
        Assert.Contains("(with line 7 of claim CLM-SENT, already sent)", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mai2_AnotherProvidersOrAnotherDaysUnits_AreNotSummed()
    {
        var otherProvider = new PriorLine("CLM-SENT", ClaimBuilder.BillingNpi, new ClaimLine("7", HcpcsCode.Parse("0001U"), [], Day, "1245319599", 50m, 1, []));
        var otherDay = new PriorLine("CLM-SENT", ClaimBuilder.BillingNpi, new ClaimLine("8", HcpcsCode.Parse("0001U"), [], Day.AddDays(1), string.Empty, 50m, 1, []));

        Assert.Empty(Scrub(Claim("CLM-NEW").Units("0001U", 1).Build(), otherProvider, otherDay).Edits);
    }

    [Fact]
    public void Mai1_LineOverTheLimit_AdvisesSplittingWithTheModifierThatMakesThemDistinct()
    {
        var edit = Assert.Single(Scrub(Claim().Units("97110", 5).Build(), Table([new MueRow("97110", 4, 1)])).Edits);

        Assert.Equal((EditTypes.MueUnitsExceeded, Severity.HardStop, RecommendedAction.AdjustUnits), (edit.EditType, edit.Severity, edit.Action));
        Assert.Equal([("76", "L1"), ("XS", "L1")], edit.SuggestedModifiers.Select(s => (s.Modifier, s.LineId)));
        Assert.Contains("5 units exceed the MUE of 4 per line (MAI 1", edit.Message, StringComparison.Ordinal);
        Assert.Contains("bill them on another line with the modifier that makes it distinct (76, XS or an anatomic modifier)", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mai1_LabTestOverTheLimit_Suggests91()
    {
        var edit = Assert.Single(Scrub(Claim().Units("85025", 2).Build(), Table([new MueRow("85025", 1, 1)])).Edits);

        Assert.Equal("91", Assert.Single(edit.SuggestedModifiers).Modifier);
    }

    [Theory]
    [InlineData("76")]
    [InlineData("RT")]
    [InlineData("XS")]
    public void Mai1_UnitsSplitAcrossLinesByAModifier_AreEachWithinTheLimit(string modifier)
    {
        var result = Scrub(Claim().Units("97110", 4).Units("97110", 3, modifier).Build(), Table([new MueRow("97110", 4, 1)]));

        Assert.DoesNotContain(result.Edits, e => e.EditType == EditTypes.MueUnitsExceeded);
    }

    [Fact]
    public void Mue0_TheCodeIsNotPayableInTheSetting()
    {
        var edit = Assert.Single(Scrub(Claim().Units("G0471", 1).Build(), Table([new MueRow("G0471", 0, 3)])).Edits);

        Assert.Equal((EditTypes.MueNotPayable, Severity.HardStop, RecommendedAction.RemoveLine), (edit.EditType, edit.Severity, edit.Action));
        Assert.Contains("G0471 on line L1 is not payable in the practitioner setting: its MUE is 0", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeTheFileDoesNotList_IsNotEvaluatedAndNamed()
    {
        var result = Scrub(Claim().Units("99213", 9).Units("0009U", 1).Build());

        Assert.Empty(result.Edits);
        Assert.Equal(["L1"], result.UnitsNotEvaluated.ToArray());
    }

    [Fact]
    public void NoMueTableLoaded_EveryLineIsNotEvaluated()
    {
        var result = Scrubber.Scrub(Claim().Units("0009U", 9).Units("0001U", 1).Build(), SampleTables.Snapshot, PackSet.Empty);

        Assert.Empty(result.Edits);
        Assert.Equal(["L1", "L2"], result.UnitsNotEvaluated.ToArray());
    }

    [Theory]
    [InlineData(12, false)]
    [InlineData(13, false)]
    [InlineData(14, true)]
    [InlineData(15, true)]
    public void LineSpanningThreeDays_UnitsAreDividedByTheDaysAndRounded(double units, bool exceeds)
    {
        var result = Scrub(Claim().Spanning("97110", units, "2026-08-05").Build(), Table([new MueRow("97110", 4, 3)]));

        Assert.Equal(exceeds, result.Edits.Any(e => e.EditType == EditTypes.MueUnitsExceeded));
    }

    [Fact]
    public void LineSpanningDays_CountsOnEachDayWithAnotherLineOfOneOfThem()
    {
        var claim = Claim().Spanning("97110", 12, "2026-08-05").Build();
        var sameDay = new PriorLine("CLM-SENT", ClaimBuilder.BillingNpi, new ClaimLine("3", HcpcsCode.Parse("97110"), [], Day.AddDays(2), string.Empty, 50m, 1, []));

        var edit = Assert.Single(Scrub(claim, Table([new MueRow("97110", 4, 2)]), sameDay).Edits);

        Assert.Contains("5 units on 2026-08-05", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DmeClaim_IsEditedWithTheDmeTableAndNoPtpPairs()
    {
        var dme = MueTableGenerator.WriteRows(_temp.File("dme"), MueTableKind.Dme, new DateOnly(2026, 7, 1), [new MueRow("E0114", 1, 2), new MueRow("0001A", 1, 2)]);
        var tables = new MueTables(SampleTables.MuePractitioner, null, MueLoader.Load(MueTableKind.Dme, "Mue:Dme", [dme], new RecordingLoadReport()));

        // 0001A + 99213 is a practitioner PTP pair (indicator 1); on a DME claim no PTP table applies.
        var result = Scrubber.Scrub(Claim().Dme().Units("E0114", 2).Units("0001A", 1).Units("99213", 1).Build(), SampleTables.WithMue(tables), PackSet.Empty);

        var edit = Assert.Single(result.Edits);
        Assert.Equal(("L1", "mue-dme-2026-07-01"), (edit.LineId, edit.Source));
        Assert.Equal(["L3"], result.UnitsNotEvaluated.ToArray());
        Assert.Empty(result.NcciVersions);
    }

    [Fact]
    public void OutpatientClaim_IsEditedWithTheOutpatientTable()
    {
        var oph = MueTableGenerator.WriteRows(_temp.File("oph"), MueTableKind.OutpatientHospital, new DateOnly(2026, 7, 1), [new MueRow("0009U", 5, 3)]);
        var tables = new MueTables(SampleTables.MuePractitioner, MueLoader.Load(MueTableKind.OutpatientHospital, "Mue:OutpatientHospital", [oph], new RecordingLoadReport()), null);

        var result = Scrubber.Scrub(Claim().Outpatient().Units("0009U", 3).Build(), SampleTables.WithMue(tables), PackSet.Empty);

        Assert.Empty(result.Edits);
        Assert.Empty(result.UnitsNotEvaluated.ToArray());
    }

    private static ClaimBuilder Claim(string claimId = "CLM-1") => new ClaimBuilder().For(claimId).On("2026-08-03");

    private static ScrubResult Scrub(Claim claim, params PriorLine[] history) => Scrub(claim, SampleTables.MuePractitioner, history);

    private static ScrubResult Scrub(Claim claim, MueTableSet practitioner, params PriorLine[] history) =>
        Scrubber.Scrub(claim, SampleTables.WithMue(new MueTables(practitioner, null, null)), PackSet.Empty, history);

    private MueTableSet Table(MueRow[] rows)
    {
        var path = MueTableGenerator.WriteRows(_temp.File(Guid.NewGuid().ToString("N")), MueTableKind.Practitioner, new DateOnly(2026, 7, 1), rows);
        return MueLoader.Load(MueTableKind.Practitioner, "Mue:Practitioner", [path], new RecordingLoadReport());
    }
}
