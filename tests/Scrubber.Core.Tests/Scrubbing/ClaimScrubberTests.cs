using Scrubber.Core.Claims;
using Scrubber.Core.Ncci;
using Scrubber.Core.Packs;
using Scrubber.Core.Scrubbing;
using Scrubber.Testing;

namespace Scrubber.Core.Tests.Scrubbing;

/// <summary>PTP scrub semantics (domain.md §2) against the real CMS excerpt.</summary>
public sealed class ClaimScrubberTests : IDisposable
{
    private const string Npi2 = "1245319599";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // Real rows: 0001A/36591 indicator 0 and 0001A/99213 indicator 1 (2022–2023); 0001U/0030U indicator 1, open.
    private static ClaimBuilder In2023() => new ClaimBuilder().On("2023-06-15");

    private static ClaimBuilder In2026() => new ClaimBuilder().On("2026-07-01");

    [Fact]
    public void Scrub_IndicatorZero_HardStopsTheColumnTwoLineWithNoModifier()
    {
        var result = Scrub(In2023().Line("0001A").Line("36591").Build());

        Assert.Equal(Disposition.HardStop, result.Disposition);
        var edit = Assert.Single(result.Edits);
        Assert.Equal(EditTypes.NcciPtp, edit.EditType);
        Assert.Equal(Severity.HardStop, edit.Severity);
        Assert.Equal(("L2", "L1"), (edit.LineId, edit.RelatedLineId));
        Assert.Equal(("0001A", "36591", 0), (edit.Column1Code, edit.Column2Code, edit.ModifierIndicator));
        Assert.Empty(edit.SuggestedModifiers);
        Assert.Contains("Remove line L2 or correct its code", edit.Message, StringComparison.Ordinal);
        Assert.Equal("ccipra-v322r0", edit.Source);
        var row = Assert.NotNull(edit.Row);
        Assert.Equal((new DateOnly(2022, 1, 1), (DateOnly?)new DateOnly(2023, 12, 31)), (row.EffectiveDate, row.DeletionDate));
        Assert.Equal("CPT Manual or CMS manual coding instruction", row.Rationale);
    }

    [Theory]
    [InlineData("59", "")]
    [InlineData("XS", "")]
    [InlineData("XU", "XE")]
    [InlineData("", "59")]
    [InlineData("RT", "LT")]
    public void Scrub_IndicatorZero_NoModifierOnEitherLineBypasses(string column2Modifier, string column1Modifier)
    {
        var claim = In2023().Line("0001A", Mods(column1Modifier)).Line("36591", Mods(column2Modifier)).Build();

        var edit = Assert.Single(Scrub(claim).Edits, e => e.EditType == EditTypes.NcciPtp);

        Assert.Equal(Severity.HardStop, edit.Severity);
        Assert.DoesNotContain(Scrub(claim).Edits, e => e.EditType == EditTypes.NcciPtpBypassed);
    }

    [Fact]
    public void Scrub_ColumnTwoCodeOnTheFirstLine_DeniesItAnyway()
    {
        var edit = Assert.Single(Scrub(In2023().Line("36591").Line("0001A").Build()).Edits);

        Assert.Equal(("L1", "L2"), (edit.LineId, edit.RelatedLineId));
        Assert.Equal(("0001A", "36591"), (edit.Column1Code, edit.Column2Code));
    }

    [Fact]
    public void Scrub_IndicatorOneWithEm_IsAHardStopSuggesting25OnTheEmLine()
    {
        var result = Scrub(In2023().Line("0001A").Line("99213").Build());

        Assert.Equal(Disposition.HardStop, result.Disposition);
        var edit = Assert.Single(result.Edits);
        Assert.Equal((EditTypes.NcciPtp, Severity.HardStop, 1), (edit.EditType, edit.Severity, edit.ModifierIndicator));
        var suggestion = Assert.Single(edit.SuggestedModifiers);
        Assert.Equal(("25", "L2"), (suggestion.Modifier, suggestion.LineId));
        Assert.Contains("separately identifiable", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_IndicatorOneBetweenProcedures_SuggestsXeThenXuThen59OnColumnTwo()
    {
        var edit = Assert.Single(Scrub(In2026().Line("0001U").Line("0030U").Build()).Edits);

        Assert.Equal(["XE", "XU", "59"], edit.SuggestedModifiers.Select(s => s.Modifier));
        Assert.All(edit.SuggestedModifiers, s => Assert.Equal("L2", s.LineId));
        Assert.All(edit.SuggestedModifiers, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void Scrub_IndicatorOneSeveritySetToHardStop_HardStops()
    {
        var result = Scrub(In2026().Line("0001U").Line("0030U").Build(), new ScrubOptions { IndicatorOneSeverity = Severity.HardStop });

        Assert.Equal(Disposition.HardStop, result.Disposition);
        Assert.NotEmpty(Assert.Single(result.Edits).SuggestedModifiers);
    }

    [Theory]
    [InlineData("XE")]
    [InlineData("XS")]
    [InlineData("XU")]
    [InlineData("59")]
    [InlineData("91")]
    [InlineData("58")]
    [InlineData("78")]
    [InlineData("79")]
    public void Scrub_PtpModifierOnColumnTwo_BypassesWithAnInfoEdit(string modifier)
    {
        var result = Scrub(In2026().Line("0001U").Line("0030U", modifier).Build());

        Assert.Equal(Disposition.Clean, result.Disposition);
        var edit = Assert.Single(result.Edits);
        Assert.Equal((EditTypes.NcciPtpBypassed, Severity.Info), (edit.EditType, edit.Severity));
        Assert.Equal(modifier, edit.BypassModifier);
        Assert.Contains($"Modifier {modifier} on line L2 bypasses", edit.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25")]
    [InlineData("57")]
    [InlineData("24")]
    public void Scrub_EmModifierOnTheEmLine_Bypasses(string modifier)
    {
        var edit = Assert.Single(Scrub(In2023().Line("0001A").Line("99213", modifier).Build()).Edits);

        Assert.Equal(EditTypes.NcciPtpBypassed, edit.EditType);
        Assert.Equal(modifier, edit.BypassModifier);
    }

    [Theory]
    [InlineData("RT", "LT")]
    [InlineData("F1", "F2")]
    [InlineData("E1", "E3")]
    [InlineData("LC", "RC")]
    public void Scrub_DifferentAnatomicModifiersOnTheTwoLines_Bypass(string column1Site, string column2Site)
    {
        var edit = Assert.Single(Scrub(In2026().Line("0001U", column1Site).Line("0030U", column2Site).Build()).Edits);

        Assert.Equal(EditTypes.NcciPtpBypassed, edit.EditType);
        Assert.Equal(column2Site, edit.BypassModifier);
    }

    [Fact]
    public void Scrub_SiteOnColumnTwoOnly_BypassesAndAsksForTheOtherSite()
    {
        var edit = Assert.Single(Scrub(In2026().Line("0001U").Line("0030U", "LT").Build()).Edits);

        Assert.Equal(("LT", EditTypes.NcciPtpBypassed), (edit.BypassModifier, edit.EditType));
        Assert.Contains("Add the site of line L1 as well", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_SameAnatomicModifierOnBothLines_DoesNotBypassAndSaysWhy()
    {
        var result = Scrub(In2026().Line("0001U", "RT").Line("0030U", "RT").Build());

        var ptp = Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtp);
        Assert.Equal(Severity.HardStop, ptp.Severity);
        Assert.Equal("XS", ptp.SuggestedModifiers[0].Modifier);
        var sameSite = Assert.Single(result.Edits, e => e.EditType == EditTypes.ModifierSameSite);
        Assert.Contains("Both lines carry RT", sameSite.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Edits, e => e.EditType == EditTypes.NcciPtpBypassed);
    }

    [Theory]
    [InlineData("59")]
    [InlineData("XS")]
    [InlineData("79")]
    public void Scrub_BypassModifierOnColumnOneOnly_DoesNotBypassAndPointsToColumnTwo(string modifier)
    {
        var result = Scrub(In2026().Line("0001U", modifier).Line("0030U").Build());

        Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtp);
        var wrongLine = Assert.Single(result.Edits, e => e.EditType == EditTypes.ModifierWrongLine);
        Assert.Equal("L1", wrongLine.LineId);
        Assert.Contains($"Modifier {modifier} is on line L1", wrongLine.Message, StringComparison.Ordinal);
        Assert.Contains("must go on line L2", wrongLine.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_25OnANonEmCode_IsInvalidAndDoesNotBypass()
    {
        var result = Scrub(In2026().Line("0001U").Line("0030U", "25").Build());

        Assert.Equal(Disposition.HardStop, result.Disposition);
        Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtp);
        var invalid = Assert.Single(result.Edits, e => e.EditType == EditTypes.ModifierInvalid);
        Assert.Equal(("L2", Severity.HardStop), (invalid.LineId, invalid.Severity));
        Assert.Contains("valid on E/M services and the general eye exams 92002–92014 only", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("59")]
    [InlineData("XU")]
    public void Scrub_DistinctServiceModifierOnAnEm_IsInvalidAndDoesNotBypass(string modifier)
    {
        var result = Scrub(In2023().Line("0001A").Line("99213", modifier).Build());

        var ptp = Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtp);
        Assert.Equal("25", Assert.Single(ptp.SuggestedModifiers).Modifier);
        var invalid = Assert.Single(result.Edits, e => e.EditType == EditTypes.ModifierInvalid);
        Assert.Contains("use 25", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("51")]
    [InlineData("22")]
    [InlineData("76")]
    [InlineData("77")]
    [InlineData("50")]
    public void Scrub_ModifierThatNeverBypasses_KeepsTheEditAndSaysWhy(string modifier)
    {
        var result = Scrub(In2026().Line("0001U").Line("0030U", modifier).Build());

        Assert.Equal(Severity.HardStop, Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtp).Severity);
        var notPtp = Assert.Single(result.Edits, e => e.EditType == EditTypes.ModifierNotPtp);
        Assert.StartsWith($"Modifier {modifier} on line L2 does not bypass an NCCI PTP edit: {modifier} (", notPtp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_59AndAnXModifierOnOneLine_BypassesButWarnsToDrop59()
    {
        var result = Scrub(In2026().Line("0001U").Line("0030U", "59", "XS").Build());

        Assert.Equal("XS", Assert.Single(result.Edits, e => e.EditType == EditTypes.NcciPtpBypassed).BypassModifier);
        Assert.Contains("remove 59", Assert.Single(result.Edits, e => e.EditType == EditTypes.ModifierRedundant).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_DifferentDatesOfService_DoNotPair()
    {
        var claim = new ClaimBuilder()
            .LineOn("0001U", new DateOnly(2026, 7, 1), string.Empty)
            .LineOn("0030U", new DateOnly(2026, 7, 2), string.Empty)
            .Build();

        var result = Scrub(claim);

        Assert.Empty(result.Edits);
        Assert.Equal(Disposition.Clean, result.Disposition);
    }

    [Fact]
    public void Scrub_DifferentRenderingProviders_DoNotPairUnderRenderingScope()
    {
        var claim = In2026().LineBy("0001U", ClaimBuilder.BillingNpi).LineBy("0030U", Npi2).Build();

        Assert.Empty(Scrub(claim).Edits);
    }

    [Fact]
    public void Scrub_LineWithoutRenderingNpi_PairsAsTheBillingProvider()
    {
        var claim = In2026().LineBy("0001U", ClaimBuilder.BillingNpi).Line("0030U").Build();

        Assert.Single(Scrub(claim).Edits);
    }

    [Fact]
    public void Scrub_DifferentRenderingProvidersUnderBillingScope_PairAndSuggestXpFirst()
    {
        var claim = In2026().LineBy("0001U", ClaimBuilder.BillingNpi).LineBy("0030U", Npi2).Build();

        var edit = Assert.Single(Scrub(claim, new ScrubOptions { ProviderScope = ProviderScope.BillingNpi }).Edits);

        Assert.Equal(["XP", "XE", "XU", "59"], edit.SuggestedModifiers.Select(s => s.Modifier));
        Assert.Contains(Npi2, edit.SuggestedModifiers[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_IndicatorNinePairOnItsDate_GivesNoEdit()
    {
        Assert.Empty(Scrub(new ClaimBuilder().On("2022-01-01").Line("0001A").Line("90473").Build()).Edits);
    }

    [Fact]
    public void Scrub_TwoEmLinesOnAProfessionalClaim_SuggestNoModifier()
    {
        // One NCCI edit, with the table's rationale, and no SAME_DAY_EM besides it for the same two lines.
        var rows = NcciLoader.Load(NcciTableKind.Practitioner, "k", [WriteTable("99215", "99213", "1")], new RecordingLoadReport());

        var edit = Assert.Single(new ClaimScrubber(new ScrubOptions()).Scrub(In2026().Line("99215").Line("99213").Build(), SampleTables.With(rows), PackSet.Empty).Edits);

        Assert.Empty(edit.SuggestedModifiers);
        Assert.Contains("bill one visit", edit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrub_TwoEmLinesOnAnOutpatientClaim_Suggest27()
    {
        var rows = NcciLoader.Load(NcciTableKind.OutpatientHospital, "k", [WriteTable("G0463", "99213", "1", "ccioph")], new RecordingLoadReport());

        var edit = Assert.Single(new ClaimScrubber(new ScrubOptions()).Scrub(In2026().Outpatient().Line("G0463").Line("99213").Build(), new NcciSnapshot(null, rows, DateTimeOffset.UnixEpoch), PackSet.Empty).Edits);

        Assert.Equal(["27"], edit.SuggestedModifiers.Select(s => s.Modifier));
    }

    [Fact]
    public void Scrub_LinesInTwoQuarters_AreEditedWithTheReleaseOfTheirOwnDate()
    {
        // v321 still has 0001U/0029U open; the real v322 deleted it on 2026-06-30.
        var tables = NcciLoader.Load(NcciTableKind.Practitioner, "k",
            [RepositoryPaths.PractitionerExcerpt, WriteTable("0001U", "0029U", "1", "ccipra", "v321r0", "*")], new RecordingLoadReport());
        var claim = new ClaimBuilder()
            .LineOn("0001U", new DateOnly(2026, 6, 20), string.Empty).LineOn("0029U", new DateOnly(2026, 6, 20), string.Empty)
            .LineOn("0001U", new DateOnly(2026, 7, 20), string.Empty).LineOn("0029U", new DateOnly(2026, 7, 20), string.Empty)
            .Build();

        var result = new ClaimScrubber(new ScrubOptions()).Scrub(claim, SampleTables.With(tables), PackSet.Empty);

        Assert.Equal<string>(["ccipra-v321r0", "ccipra-v322r0"], result.NcciVersions);
        var edit = Assert.Single(result.Edits);
        Assert.Equal(("L2", "ccipra-v321r0"), (edit.LineId, edit.Source));
    }

    [Fact]
    public void Scrub_CleanClaim_ReportsTheVersionUsed()
    {
        var result = Scrub(In2026().Line("99213").Line("0030U").Build());

        Assert.Equal(Disposition.Clean, result.Disposition);
        Assert.Empty(result.Edits);
        Assert.Equal<string>(["ccipra-v322r0"], result.NcciVersions);
    }

    private static ScrubResult Scrub(Claim claim, ScrubOptions? options = null) =>
        new ClaimScrubber(options ?? new ScrubOptions()).Scrub(claim, SampleTables.Snapshot, PackSet.Empty);

    private static string[] Mods(string modifier) => modifier.Length == 0 ? [] : [modifier];

    private string WriteTable(string column1, string column2, string indicator, string stem = "ccipra", string version = "v322r0", string deletion = "*") =>
        PtpFiles.Write(_temp.File($"{stem}-{version}-f1.txt"), PtpFiles.Row(column1, column2, "20100101", deletion, indicator));
}
